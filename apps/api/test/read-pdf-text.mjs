// Prints the text of the PDF read from stdin, page after page (for test/pdf-text.ts).
import { extractText, getDocumentProxy } from 'unpdf';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const pdf = await getDocumentProxy(new Uint8Array(Buffer.concat(chunks)));
const { text } = await extractText(pdf, { mergePages: true });
process.stdout.write(JSON.stringify({ pages: pdf.numPages, text }));
