// The domain rules, in the order they apply. Each is a small module with the hooks of
// `Rule` (engine.mjs); an operation no rule names runs on the generic semantics of its kind.
import { agents } from './agents.mjs';
import { messagesOldestFirst } from './conversations.mjs';
import { credentials, customToolNames } from './custom-tools.mjs';
import { handles } from './handles.mjs';
import { references } from './references.mjs';
import { sources } from './sources.mjs';
import { trash } from './trash.mjs';

/** Every domain rule of the mock. */
export const RULES = [trash, handles, references, agents, customToolNames, credentials, sources, messagesOldestFirst];
