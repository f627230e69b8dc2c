// Conversations and their messages are seeded and read-only (the spec has no write operation on
// them); messages list oldest first, as the docs say, where every other list is newest first.

/** @type {import('../engine.mjs').Rule} */
export const messagesOldestFirst = {
  name: 'messages oldest first',
  resources: ['messages'],
  order: 'asc',
};
