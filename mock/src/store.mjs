// The live world of the mock: per org, one collection per resource (records kept in ID order, so
// that a page is a binary search and a slice whatever the size), a trash per collection for soft
// deletes, and the org's singletons (`/org`). A record is its public data (the retrieve shape)
// plus hidden fields no response shows (a custom tool's credentials, a source's sync start).
import { hexOf } from './ids.mjs';

/** @typedef {{ hex: string, data: Record<string, any>, hidden: Record<string, any> }} Item */

/** An empty store. */
export function createStore() {
  /** @typedef {{ items: Item[], byHex: Map<string, Item> }} Collection */
  /** @type {Map<string, { collections: Map<string, Collection>, singletons: Map<string, any> }>} */
  const orgs = new Map();

  /** @param {string} orgId */
  const orgOf = (orgId) => {
    let org = orgs.get(orgId);
    if (!org) orgs.set(orgId, (org = { collections: new Map(), singletons: new Map() }));
    return org;
  };
  /** @param {string} orgId @param {string} resource */
  const collection = (orgId, resource) => {
    const { collections } = orgOf(orgId);
    let found = collections.get(resource);
    if (!found) collections.set(resource, (found = { items: [], byHex: new Map() }));
    return found;
  };

  return {
    /** The org IDs that hold anything. */
    orgIds: () => [...orgs.keys()],
    /** @param {string} orgId @returns {string[]} the org's resource names */
    resources: (orgId) => [...orgOf(orgId).collections.keys()],
    /**
     * The org's records of a resource, oldest first (do not modify the array).
     * @param {string} orgId
     * @param {string} resource
     */
    items: (orgId, resource) => collection(orgId, resource).items,
    /**
     * Adds a record (its `data.id` ends in 24 hex digits), keeping ID order.
     * @param {string} orgId
     * @param {string} resource
     * @param {Record<string, any>} data
     * @param {Record<string, any>} [hidden]
     * @returns {Item}
     */
    insert(orgId, resource, data, hidden = {}) {
      const hex = hexOf(String(data.id));
      if (!hex) throw new Error(`${resource} record has no ObjectId-like id: ${JSON.stringify(data.id)}`);
      const target = collection(orgId, resource);
      if (target.byHex.has(hex)) throw new Error(`${resource} ${data.id} is already in org ${orgId}`);
      const item = { hex, data, hidden };
      const { items } = target;
      // New records are the newest almost always: append, or insert where the ID sorts.
      if (items.length === 0 || /** @type {Item} */ (items.at(-1)).hex < hex) items.push(item);
      else items.splice(lowerBound(items, hex), 0, item);
      target.byHex.set(hex, item);
      return item;
    },
    /**
     * @param {string} orgId
     * @param {string} resource
     * @param {string} hex
     */
    find: (orgId, resource, hex) => collection(orgId, resource).byHex.get(hex),
    /**
     * Removes a record; returns it, or undefined when absent.
     * @param {string} orgId
     * @param {string} resource
     * @param {string} hex
     */
    remove(orgId, resource, hex) {
      const target = collection(orgId, resource);
      const item = target.byHex.get(hex);
      if (!item) return undefined;
      target.byHex.delete(hex);
      target.items.splice(lowerBound(target.items, hex), 1);
      return item;
    },
    /** @param {string} orgId @param {string} name */
    singleton: (orgId, name) => orgOf(orgId).singletons.get(name),
    /** @param {string} orgId @param {string} name @param {any} data */
    setSingleton(orgId, name, data) {
      orgOf(orgId).singletons.set(name, data);
    },
    clear: () => orgs.clear(),
  };
}

/**
 * Index of the first item whose hex is not below `hex`.
 * @param {Item[]} items
 * @param {string} hex
 */
export function lowerBound(items, hex) {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (/** @type {Item} */ (items[middle]).hex < hex) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** @typedef {ReturnType<typeof createStore>} Store */
