/** The JADE import worker: one log imported off the page (see importJadeInWorker.ts). */
import { exposeJadeImport } from './importJadeInWorker';

exposeJadeImport();
