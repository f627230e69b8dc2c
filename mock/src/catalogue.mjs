// The tools each connector type exposes in the mock: a few real-looking ones per type, with read
// and write tools and one disabled tool, which is what agent builders filter on.

/** Tool definitions by connector type. */
export const TOOLS_BY_TYPE = {
  zendesk: [
    {
      name: 'zendesk_get_ticket',
      label: 'Get Ticket',
      description: 'Fetch a Zendesk ticket by ID.',
      type: 'read',
      requires_confirmation: false,
      disabled: false,
    },
    {
      name: 'zendesk_add_public_reply',
      label: 'Add Public Reply',
      description: 'Post a public reply to a ticket.',
      type: 'write',
      requires_confirmation: true,
      disabled: false,
    },
  ],
  slack: [
    {
      name: 'slack_search_messages',
      label: 'Search Messages',
      description: 'Search messages in the workspace.',
      type: 'read',
      requires_confirmation: false,
      disabled: false,
    },
    {
      name: 'slack_post_message',
      label: 'Post Message',
      description: 'Post a message to a channel.',
      type: 'write',
      requires_confirmation: true,
      disabled: true,
    },
  ],
  shopify: [
    {
      name: 'shopify_get_order',
      label: 'Get Order',
      description: 'Fetch an order by number.',
      type: 'read',
      requires_confirmation: false,
      disabled: false,
    },
  ],
};

/** The connector types the mock knows, in a fixed order (seeding cycles through them). */
export const CONNECTOR_TYPES = Object.keys(TOOLS_BY_TYPE);

/** Connector statuses the seeded world uses, most of them connected. */
export const SEEDED_STATUSES = ['connected', 'connected', 'connected', 'auth_failed', 'token_expired'];
