/** A contract file (orrery.contract/1) read and checked in full; refused as ORR601 naming the file and every place. */
import { parseContract, type Contracts } from '../experiments/contracts/parseContract';
import { InputError } from './exitCodes';
import { readJsonText } from './readExperiment';

/** A contract file is schemas per kind and performative: generous, but bounded. */
const MAX_CONTRACT_BYTES = 16 * 1024 * 1024;

export async function readContractFile(file: string): Promise<Contracts> {
  const text = await readJsonText(file, MAX_CONTRACT_BYTES);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new InputError(`ORR601 ${file}: expected a contract file (JSON), received text that does not parse (${(e as Error).message})`);
  }
  const parsed = parseContract(json);
  if (!parsed.ok)
    throw new InputError(
      `ORR601 ${file}: not a valid contract file:\n${parsed.problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`,
    );
  return parsed.contracts;
}
