import { spawn } from 'node:child_process';
import path from 'node:path';

/**
 * The text of a PDF as a PDF reader extracts it (pdf.js through unpdf), whitespace collapsed.
 * unpdf is an ES module that Jest's CommonJS runtime cannot load, so a child process reads it.
 */
export async function pdfText(pdf: Buffer): Promise<{ pages: number; text: string }> {
  const child = spawn(process.execPath, [path.join(__dirname, 'read-pdf-text.mjs')], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  child.stdin.end(pdf);
  const code = await exited;
  if (code !== 0) throw new Error(`Could not read the PDF: ${Buffer.concat(err).toString()}`);
  const { pages, text } = JSON.parse(Buffer.concat(out).toString()) as {
    pages: number;
    text: string;
  };
  return { pages, text: text.replace(/\s+/g, ' ') };
}
