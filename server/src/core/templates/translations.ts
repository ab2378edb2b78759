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

const ENGLISH = new Map<string, string>();
let maxWords = 1;
for (const [english, titles] of Object.entries(TITLES)) {
  for (const title of titles) {
    const key = normalizeTitle(title);
    ENGLISH.set(key, english);
    maxWords = Math.max(maxWords, key.split(' ').length);
  }
}

/** The English title a normalized title stands for, with any words after it kept; undefined when none. */
export function inEnglish(norm: string): string | undefined {
  const words = norm.split(' ');
  for (let n = Math.min(words.length, maxWords); n >= 1; n--) {
    const english = ENGLISH.get(words.slice(0, n).join(' '));
    if (english) return [english, ...words.slice(n)].join(' ');
  }
  return undefined;
}
