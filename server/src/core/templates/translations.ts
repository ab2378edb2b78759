// Section titles postmortems commonly use in other languages, as the English title they stand for.
// Templates list English aliases; a team writing in German or Spanish still writes "Zusammenfassung"
// and "Causa raíz", and those sections are there. Titles are normalized (lower case, accents kept,
// punctuation as spaces: text/plain.ts normalizeTitle). A title starting with one of these and a few
// more words ("Causa raíz del problema") reads as that title followed by the same words.
import { normalizeTitle } from '../text/plain';

const TITLES: Record<string, string[]> = {
  summary: ['zusammenfassung', 'überblick', 'kurzfassung', 'resumen', 'resumen del incidente', 'résumé', 'résumé de l incident', 'synthèse', 'resumo', 'sumário', 'samenvatting', 'sammanfattning', 'riepilogo', 'sintesi'],
  impact: ['auswirkungen', 'auswirkung', 'impacto', 'impacto en clientes', 'impacto nos clientes', 'gevolgen', 'påverkan', 'impatto'],
  timeline: ['zeitlicher ablauf', 'zeitleiste', 'zeitstrahl', 'ablauf', 'chronologie', 'chronologie des événements', 'cronología', 'línea de tiempo', 'linea de tiempo', 'cronologia', 'linha do tempo', 'tijdlijn', 'tidslinje', 'sequenza degli eventi'],
  'root cause': ['ursache', 'ursachen', 'grundursache', 'ursachenanalyse', 'fehlerursache', 'causa raíz', 'causa raiz', 'causa', 'causas', 'análisis de causa raíz', 'cause racine', 'cause première', 'causes', 'causa principal', 'causa radice', 'oorzaak', 'grundorsak', 'orsak'],
  resolution: ['lösung', 'behebung', 'wiederherstellung', 'resolución', 'mitigación', 'solución', 'résolution', 'rétablissement', 'resolução', 'mitigação', 'oplossing', 'lösning', 'risoluzione'],
  'action items': ['maßnahmen', 'massnahmen', 'folgemaßnahmen', 'nächste schritte', 'acciones', 'acciones correctivas', 'próximos pasos', 'tareas', 'actions correctives', 'plan d action', 'ações', 'ações corretivas', 'próximos passos', 'acties', 'åtgärder', 'azioni correttive'],
  'lessons learned': ['erkenntnisse', 'lessons learned', 'lektionen', 'lecciones aprendidas', 'aprendizajes', 'leçons apprises', 'enseignements', 'lições aprendidas', 'geleerde lessen', 'lärdomar', 'lezioni apprese'],
};

/**
 * Normalized title -> the English title, built when first asked for: only a title no template
 * alias matches gets this far, and building it with the engine cost every server start its
 * normalizations (these titles are not ASCII) before the first diagnostics.
 */
let table: { english: Map<string, string>; maxWords: number } | undefined;
function translations(): { english: Map<string, string>; maxWords: number } {
  if (table) return table;
  const english = new Map<string, string>();
  let maxWords = 1;
  for (const [title, others] of Object.entries(TITLES)) {
    for (const other of others) {
      const key = normalizeTitle(other);
      english.set(key, title);
      maxWords = Math.max(maxWords, key.split(' ').length);
    }
  }
  return (table = { english, maxWords });
}

/** The English title a normalized title stands for, with any words after it kept; undefined when none. */
export function inEnglish(norm: string): string | undefined {
  const { english: known, maxWords } = translations();
  const words = norm.split(' ');
  for (let n = Math.min(words.length, maxWords); n >= 1; n--) {
    const english = known.get(words.slice(0, n).join(' '));
    if (english) return [english, ...words.slice(n)].join(' ');
  }
  return undefined;
}
