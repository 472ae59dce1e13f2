import { consoleIo, EXIT, internalMessage, runCli } from './main';

// Whatever escapes runCli (a rejection nobody awaited) is still one line and exit 3.
const fatal = (e: unknown) => {
  consoleIo.err(internalMessage(e));
  process.exit(EXIT.internal);
};
process.on('uncaughtException', fatal);
process.on('unhandledRejection', fatal);

process.exitCode = await runCli(process.argv.slice(2));
