import { createMachaClient } from '@macha/api-client';

const macha = createMachaClient({
  apiKey: process.env.MACHA_API_KEY,
});

const tool = await macha.customTools.retrieve('tool_64f1c0ef2ec711ef6dc1dce0');
console.log(tool.data.name, tool.data.type, tool.data.parameters);
