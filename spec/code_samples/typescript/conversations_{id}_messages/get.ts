import { createMachaClient } from '@macha/api-client';

const macha = createMachaClient({
  apiKey: process.env.MACHA_API_KEY,
});

// Every message, oldest first.
const messages = macha.conversations.listMessagesAll('conv_6a392325b438d825ccaf0dc1');
for await (const message of messages) {
  if (message.role === 'tool') {
    // A tool's output is a JSON string: parse it.
    console.log(message.tool_name, JSON.parse(message.content));
  } else {
    console.log(message.role, message.content);
  }
}
