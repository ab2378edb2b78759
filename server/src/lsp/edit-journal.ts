// The edits each open document went through, as offsets, so the analysis worker can be sent a
// keystroke instead of the whole text. Sending the text cost three full copies per version
// (flattened here, serialized, deserialized in the worker): ~20 ms each for a 5 MB document on
// this kind of machine, and as many megabytes of garbage per keystroke.
//
// It is the TextDocuments configuration: each change is recorded against the document as it is
// just before that change, which is exactly how the worker replays them.
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { PieceTextDocument } from './piece-document';

export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** Edits from `from` to `to`, to be applied in order to the text of version `from`. */
export interface EditRun {
  from: number;
  edits: TextEdit[];
}

interface Entry {
  /** The version the edit applies to. */
  from: number;
  edit: TextEdit;
}

/** Past this much recorded text a document's journal is dropped: the whole text is cheaper then. */
const MAX_TEXT = 1 << 20;
const MAX_EDITS = 10_000;

export class EditJournal {
  private readonly entries = new Map<string, { list: Entry[]; text: number }>();

  /** For `new TextDocuments(journal.configuration)`. */
  readonly configuration = {
    create: (uri: string, languageId: string, version: number, content: string): PieceTextDocument => {
      this.entries.delete(uri);
      return new PieceTextDocument(uri, languageId, version, content);
    },
    update: (document: PieceTextDocument, changes: TextDocumentContentChangeEvent[], version: number): PieceTextDocument => {
      // Every change of one notification turns the same version into the next.
      const from = document.version;
      // After a whole-text change nothing of this version can be replayed from an older text.
      let replayable = true;
      for (const change of changes) {
        if (replayable && 'range' in change) {
          let start = document.offsetAt(change.range.start);
          let end = document.offsetAt(change.range.end);
          if (start > end) [start, end] = [end, start];
          this.record(document.uri, from, { start, end, text: change.text });
        } else {
          replayable = false;
          this.entries.delete(document.uri);
        }
        // One change at a time, so the next one's offsets are read from the text it applies to.
        document.update([change], version);
      }
      return document;
    },
  };

  /** The edits that turn version `from` of `uri` into version `to`, if all of them are known. */
  between(uri: string, from: number, to: number): EditRun | undefined {
    const journal = this.entries.get(uri);
    if (!journal) return undefined;
    // Versions only grow, and every change since `from` was recorded (a whole-text change or an
    // overflow drops the journal): the entries from `from` up to `to` are all of them.
    const first = journal.list.findIndex((e) => e.from === from);
    if (first < 0) return undefined;
    const edits: TextEdit[] = [];
    for (let i = first; i < journal.list.length && journal.list[i]!.from < to; i++) edits.push(journal.list[i]!.edit);
    return { from, edits };
  }

  /** The worker has the text of `version`: what came before is no longer needed. */
  delivered(uri: string, version: number): void {
    const journal = this.entries.get(uri);
    if (!journal) return;
    const keep = journal.list.findIndex((e) => e.from >= version);
    const dropped = keep < 0 ? journal.list : journal.list.slice(0, keep);
    journal.list = keep < 0 ? [] : journal.list.slice(keep);
    for (const e of dropped) journal.text -= e.edit.text.length;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }

  private record(uri: string, from: number, edit: TextEdit): void {
    let journal = this.entries.get(uri);
    if (!journal) this.entries.set(uri, (journal = { list: [], text: 0 }));
    journal.list.push({ from, edit });
    journal.text += edit.text.length;
    if (journal.text > MAX_TEXT || journal.list.length > MAX_EDITS) this.entries.delete(uri);
  }
}
