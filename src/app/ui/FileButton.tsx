/**
 * A button that opens the file chooser: the visible text on a label around a hidden file input
 * named `name` (what the e2e suite and screen readers find). The input is cleared after each
 * choice, so choosing the same file again still reports it.
 */
import type { ReactNode } from 'react';

interface FileButtonProps {
  /** The visible text. */
  children: ReactNode;
  /** The input's accessible name. */
  name: string;
  accept: string;
  className?: string;
  disabled?: boolean;
  onFile: (file: File) => void;
}

export function FileButton({ children, name, accept, className = 'btn btn-small', disabled, onFile }: FileButtonProps) {
  return (
    <label className={className}>
      {children}
      <input
        type="file"
        className="visually-hidden"
        aria-label={name}
        accept={accept}
        disabled={disabled}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) onFile(file);
        }}
      />
    </label>
  );
}
