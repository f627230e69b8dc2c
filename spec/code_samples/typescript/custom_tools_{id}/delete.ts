import { createMachaClient } from '@macha/api-client';

const macha = createMachaClient({
  apiKey: process.env.MACHA_API_KEY,
});

// No trash: the tool is gone and leaves every agent's tools.
const result = await macha.customTools.delete('tool_64f1c0ef2ec711ef6dc1dce0');
console.log(result.data.deleted);
