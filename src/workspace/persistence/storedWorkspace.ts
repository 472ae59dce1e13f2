/** What the repository stores per workspace: shared by the repository and its save journal. */
import type { Workspace } from '../model';

export interface WorkspaceSummary {
  id: string;
  name: string;
  /** Epoch ms of the last save. */
  updatedAt: number;
}

export interface StoredWorkspace extends WorkspaceSummary {
  workspace: Workspace;
}
