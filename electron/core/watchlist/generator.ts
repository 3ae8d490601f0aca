/**
 * Synthetic watchlists for load tests: realistic name distributions across ASEAN and world naming
 * traditions (common surnames are very common: NGUYEN, KIM, MUHAMMAD), some aliases and native-script
 * names, birth dates (some year-only), nationalities, and lost/stolen documents. Deterministic per seed.
 * No real person's data: names are combined at random from common name parts.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import type { BundleHeader, DocumentEntry, PersonEntry, ScreeningQuery } from './types';

interface Region {
  weight: number;
  nat: string[];
  surnames: string[];
  given: string[];
  /** How a full name is ordered on the list. */
  order: 'surname-first' | 'given-first';
  middle?: string[];
  native?: (given: string, surname: string) => string | null;
}

const CYR: Record<string, string> = { A: 'А', B: 'Б', V: 'В', G: 'Г', D: 'Д', E: 'Е', Z: 'З', I: 'И', K: 'К', L: 'Л', M: 'М', N: 'Н', O: 'О', P: 'П', R: 'Р', S: 'С', T: 'Т', U: 'У', F: 'Ф', Y: 'Ы' };
const toCyrillic = (s: string) => s.replace(/KH/g, 'Х').replace(/ZH/g, 'Ж').replace(/SH/g, 'Ш').replace(/CH/g, 'Ч').replace(/TS/g, 'Ц').replace(/YA/g, 'Я').replace(/YU/g, 'Ю').replace(/[A-Z]/g, (c) => CYR[c] ?? c);

const REGIONS: Region[] = [
  { weight: 9, nat: ['VNM'], order: 'surname-first', surnames: ['NGUYEN', 'NGUYEN', 'NGUYEN', 'NGUYEN', 'TRAN', 'TRAN', 'LE', 'LE', 'PHAM', 'HOANG', 'HUYNH', 'PHAN', 'VU', 'VO', 'DANG', 'BUI', 'DO', 'HO', 'NGO', 'DUONG', 'LY'], middle: ['VAN', 'VAN', 'THI', 'THI', 'DUC', 'MINH', 'NGOC', 'HUU', 'QUANG', 'XUAN'], given: ['ANH', 'AN', 'BINH', 'CUONG', 'DUNG', 'HAI', 'HANH', 'HIEU', 'HOA', 'HUNG', 'HUONG', 'KHANH', 'LAN', 'LINH', 'LONG', 'MAI', 'NAM', 'NGA', 'PHUONG', 'QUAN', 'SON', 'TAM', 'THANH', 'THAO', 'TRANG', 'TUAN', 'VIET', 'YEN', 'THUY', 'DAT', 'PHUC', 'TRUNG'] },
  { weight: 8, nat: ['THA'], order: 'given-first', surnames: ['SRISUK', 'WONGSAWAT', 'CHAIYAPORN', 'SAETANG', 'RATTANAKORN', 'BOONMA', 'SUKSAWAT', 'KAEWKLA', 'PHROMMA', 'THONGDEE', 'CHANTHARA', 'SRIPRASERT', 'JAIDEE', 'INTHARAKSA', 'PATTANAPONG', 'SIRIWAT', 'THAMMASAT', 'KITTISAK', 'ONGSAKUL', 'PUANGMALI'], given: ['SOMCHAI', 'SOMSAK', 'SOMPONG', 'PRASERT', 'WICHAI', 'SUCHART', 'ANAN', 'KITTI', 'NATTAPONG', 'SIRIPORN', 'MALEE', 'SUDA', 'WANIDA', 'NIRAN', 'PORNTHIP', 'KANYA', 'RATANA', 'THAWATCHAI', 'CHATCHAI', 'APINYA', 'PIYAPORN', 'SUPAPORN', 'ARTHIT', 'TEERAPONG'] },
  { weight: 8, nat: ['MYS', 'SGP', 'BRN'], order: 'given-first', surnames: ['ABDULLAH', 'RAHMAN', 'ISMAIL', 'IBRAHIM', 'HASSAN', 'OTHMAN', 'YUSOF', 'HAMZAH', 'OMAR', 'SULAIMAN', 'AZIZ', 'HUSSEIN', 'SALLEH', 'MAHMUD', 'ZAKARIA', 'RAZAK', 'KASSIM', 'JAAFAR'], middle: ['BIN', 'BIN', 'BINTI', 'BTE'], given: ['MUHAMMAD', 'MOHD', 'MOHAMAD', 'AHMAD', 'NUR', 'SITI', 'NURUL', 'AZMAN', 'FARID', 'HAFIZ', 'AIZAT', 'AMIRUL', 'SYAFIQ', 'FARAH', 'AISYAH', 'ZULKIFLI', 'RAZALI', 'FAIZAL', 'IZZAT', 'HAKIM', 'NORAZLINA', 'ROSMAH', 'KAMAL', 'ZAINAL'] },
  { weight: 8, nat: ['IDN'], order: 'given-first', surnames: ['SANTOSO', 'WIJAYA', 'SUSANTO', 'HIDAYAT', 'SAPUTRA', 'KUSUMA', 'SETIAWAN', 'PRATAMA', 'HALIM', 'GUNAWAN', 'SIREGAR', 'NASUTION', 'LUBIS', 'HARAHAP', 'SIMANJUNTAK', 'PURNOMO', 'WIBOWO', 'NUGROHO', 'SUHARTO', 'RAHARJO'], given: ['AGUS', 'BUDI', 'DEWI', 'EKO', 'SRI', 'ANDI', 'RINA', 'JOKO', 'ADI', 'PUTRI', 'AYU', 'BAMBANG', 'HENDRA', 'INDAH', 'RUDI', 'YANTI', 'DIAN', 'FAJAR', 'IWAN', 'WAHYU', 'TAUFIK', 'ARIF'] },
  { weight: 6, nat: ['PHL'], order: 'given-first', surnames: ['SANTOS', 'REYES', 'CRUZ', 'BAUTISTA', 'OCAMPO', 'GARCIA', 'MENDOZA', 'TORRES', 'TOMAS', 'ANDRADA', 'CASTILLO', 'FLORES', 'VILLANUEVA', 'RAMOS', 'CASTRO', 'RIVERA', 'AQUINO', 'NAVARRO', 'SALAZAR', 'MERCADO', 'DELA CRUZ', 'DE LEON'], given: ['JOSE', 'MARIA', 'JUAN', 'ROSARIO', 'MARK', 'JOHN PAUL', 'MICHAEL', 'JENNIFER', 'MARIBEL', 'RICARDO', 'ROBERTO', 'ANTONIO', 'CRISTINA', 'ERNESTO', 'ROWENA', 'DANILO', 'ARNEL', 'JOCELYN', 'EDGARDO', 'LORNA'] },
  { weight: 4, nat: ['MMR'], order: 'given-first', surnames: ['AUNG', 'KYAW', 'HTET', 'MYINT', 'OO', 'WIN', 'THEIN', 'NAING', 'ZAW', 'TUN', 'LWIN', 'HLAING', 'SOE', 'THANT', 'MAUNG', 'NYEIN', 'THU', 'YE'], given: ['AUNG', 'KYAW', 'MIN', 'ZAW', 'THET', 'HTUN', 'SAN', 'NAY', 'PYAE', 'PHYO', 'SU', 'MYAT', 'EI', 'THIDA', 'KHIN', 'MOE', 'HLA', 'TIN'] },
  { weight: 3, nat: ['KHM'], order: 'surname-first', surnames: ['SOK', 'CHAN', 'KEO', 'HENG', 'LIM', 'SENG', 'CHEA', 'PHAL', 'MEAS', 'NGUON', 'OUK', 'SAO', 'TOUCH', 'VANN', 'HUN', 'SAM'], given: ['DARA', 'SOPHEAP', 'VICHEKA', 'BOPHA', 'RITHY', 'SOKHA', 'VANNAK', 'CHANTHA', 'PISETH', 'SREYMOM', 'KOSAL', 'NARITH', 'SOKUNTHEA', 'VISAL', 'RATANA', 'SOPHAL'] },
  { weight: 3, nat: ['LAO'], order: 'given-first', surnames: ['PHOMMAVONG', 'SOUVANNAVONG', 'KEOMANY', 'VONGSA', 'SIHARATH', 'INTHAVONG', 'CHANTHAVONG', 'SAYSANA', 'KHAMPHOUI', 'VILAYSACK', 'PHANTHAVONG', 'SOMPHONE'], given: ['SOMPHONE', 'BOUNMY', 'KHAMPHENG', 'VIENGSAVANH', 'SOUKSAVANH', 'PHOUVONG', 'NOY', 'KHAMLA', 'SENGDAO', 'VANH', 'ANOUSONE', 'THONGSAVATH'] },
  { weight: 9, nat: ['CHN', 'TWN', 'HKG', 'SGP', 'MYS'], order: 'surname-first', surnames: ['WANG', 'LI', 'ZHANG', 'LIU', 'CHEN', 'YANG', 'HUANG', 'ZHAO', 'WU', 'ZHOU', 'XU', 'SUN', 'MA', 'ZHU', 'HU', 'GUO', 'HE', 'LIN', 'LUO', 'GAO', 'TAN', 'LIM', 'LEE', 'NG', 'ONG', 'WONG', 'CHAN', 'LAU', 'TEO', 'GOH'], given: ['WEI', 'FANG', 'NA', 'MIN', 'JING', 'LEI', 'JUN', 'YANG', 'YONG', 'YAN', 'JIE', 'TAO', 'MING', 'CHAO', 'XIU YING', 'XIAO HONG', 'JIAN GUO', 'ZHI WEI', 'HAO', 'YU', 'XIN', 'BIN', 'PING', 'HUI', 'KAI', 'WEN', 'ZHEN', 'LING', 'QIANG', 'GUANG'] },
  { weight: 5, nat: ['KOR', 'PRK'], order: 'surname-first', surnames: ['KIM', 'KIM', 'KIM', 'LEE', 'LEE', 'PARK', 'CHOI', 'JUNG', 'KANG', 'CHO', 'YOON', 'JANG', 'LIM', 'HAN', 'OH', 'SEO', 'SHIN', 'KWON', 'HWANG', 'AHN', 'SONG', 'RI', 'PAK'], given: ['MIN JUN', 'SEO YEON', 'JI HOON', 'HYUN WOO', 'JI WON', 'SU BIN', 'DONG HYUN', 'YOUNG HO', 'SUNG MIN', 'JONG UN', 'CHOL', 'MYONG SU', 'KWANG IL', 'HYE JIN', 'EUN JI', 'JAE SUNG', 'SANG WOO', 'YONG CHOL', 'SONG HYOK', 'TAE HO'] },
  { weight: 4, nat: ['JPN'], order: 'surname-first', surnames: ['SATO', 'SUZUKI', 'TAKAHASHI', 'TANAKA', 'WATANABE', 'ITO', 'YAMAMOTO', 'NAKAMURA', 'KOBAYASHI', 'KATO', 'YOSHIDA', 'YAMADA', 'SASAKI', 'YAMAGUCHI', 'MATSUMOTO', 'INOUE', 'KIMURA', 'HAYASHI', 'SHIMIZU', 'YAMAZAKI'], given: ['HIROSHI', 'TAKASHI', 'AKIRA', 'KENJI', 'YUKI', 'HARUTO', 'SOTA', 'YUTO', 'HINA', 'YUI', 'SAKURA', 'AOI', 'KEIKO', 'TOMOKO', 'NAOKI', 'DAISUKE', 'KAZUYA', 'MISAKI', 'RYO', 'SHOTA'] },
  { weight: 9, nat: ['IND', 'BGD', 'PAK', 'NPL', 'LKA'], order: 'given-first', surnames: ['KUMAR', 'SINGH', 'SHARMA', 'PATEL', 'DAS', 'GUPTA', 'REDDY', 'RAO', 'KHAN', 'AHMED', 'HOSSAIN', 'RAHMAN', 'ISLAM', 'BEGUM', 'AKTER', 'CHOWDHURY', 'PERERA', 'FERNANDO', 'SHRESTHA', 'THAPA', 'IQBAL', 'BUTT', 'MALIK', 'QURESHI'], given: ['RAHUL', 'AMIT', 'PRIYA', 'SUNITA', 'RAJESH', 'ANIL', 'POOJA', 'VIJAY', 'SANJAY', 'DEEPAK', 'RAKESH', 'MOHAMMAD', 'ABDUL', 'FATIMA', 'AYESHA', 'IMRAN', 'ASIF', 'NASIR', 'KAMAL', 'RAM', 'SITA', 'KRISHNA', 'ARJUN', 'RAVI'] },
  { weight: 10, nat: ['SAU', 'EGY', 'IRQ', 'SYR', 'JOR', 'YEM', 'AFG', 'LBY', 'SDN', 'DZA', 'MAR', 'TUN', 'ARE'], order: 'given-first', middle: ['BIN', 'IBN', 'AL', 'ABU', 'ABD AL'], surnames: ['AL-RASHID', 'AL-HASHIMI', 'AL-QAHTANI', 'AL-ZAHRANI', 'AL-SHAMMARI', 'HADDAD', 'KHALIL', 'MANSOUR', 'SALEH', 'NASSER', 'AL-AMIN', 'HAMDAN', 'YOUSEF', 'AL-MASRI', 'OTHMAN', 'AZIZ', 'AL-TAMIMI', 'HAKIM', 'AL-OBAIDI', 'QURESHI', 'RAHIMI', 'KARIMI', 'HAQQANI', 'NOORZAI', 'POPALZAI'], given: ['MOHAMMED', 'MUHAMMAD', 'MOHAMED', 'AHMED', 'AHMAD', 'ALI', 'OMAR', 'KHALED', 'HASSAN', 'HUSSEIN', 'ABDULLAH', 'IBRAHIM', 'YOUSSEF', 'MAHMOUD', 'MUSTAFA', 'KHALID', 'SAMI', 'TARIQ', 'WALEED', 'FAISAL', 'HAMZA', 'BILAL', 'ZAID', 'FATIMA', 'AISHA', 'MARYAM', 'NOOR', 'LAYLA'] },
  { weight: 5, nat: ['RUS', 'UKR', 'BLR', 'KAZ'], order: 'given-first', surnames: ['IVANOV', 'SMIRNOV', 'KUZNETSOV', 'POPOV', 'VASILIEV', 'PETROV', 'SOKOLOV', 'MIKHAILOV', 'NOVIKOV', 'FEDOROV', 'MOROZOV', 'VOLKOV', 'ALEKSEEV', 'LEBEDEV', 'SEMENOV', 'EGOROV', 'PAVLOV', 'KOZLOV', 'STEPANOV', 'NIKOLAEV', 'SHEVCHENKO', 'KOVALENKO', 'BONDARENKO'], middle: ['SERGEEVICH', 'ALEKSANDROVICH', 'IVANOVICH', 'VLADIMIROVICH', 'NIKOLAEVICH', 'PETROVNA', 'IVANOVNA'], given: ['ALEKSANDR', 'SERGEY', 'DMITRY', 'ANDREY', 'ALEKSEY', 'MAKSIM', 'IVAN', 'MIKHAIL', 'NIKOLAI', 'VLADIMIR', 'OLGA', 'ELENA', 'TATIANA', 'NATALIA', 'IRINA', 'ANNA', 'YURI', 'OLEG', 'PAVEL', 'ARTEM'], native: (g, s) => `${toCyrillic(g)} ${toCyrillic(s)}` },
  { weight: 9, nat: ['GBR', 'USA', 'D', 'FRA', 'ITA', 'ESP', 'NLD', 'AUS', 'CAN', 'POL', 'SWE'], order: 'given-first', surnames: ['SMITH', 'JONES', 'WILLIAMS', 'BROWN', 'TAYLOR', 'MUELLER', 'SCHMIDT', 'SCHNEIDER', 'MARTIN', 'BERNARD', 'DUBOIS', 'ROSSI', 'RUSSO', 'FERRARI', 'GARCIA', 'FERNANDEZ', 'LOPEZ', 'DE JONG', 'JANSEN', 'NOWAK', 'KOWALSKI', 'JOHANSSON', 'ANDERSSON', 'MURPHY', 'WILSON', 'THOMPSON'], given: ['JAMES', 'JOHN', 'ROBERT', 'MICHAEL', 'DAVID', 'MARY', 'PATRICIA', 'JENNIFER', 'THOMAS', 'PETER', 'ANNA', 'MARIE', 'PIERRE', 'JEAN', 'GIUSEPPE', 'MARCO', 'LUCA', 'CARLOS', 'JAN', 'PIOTR', 'ERIK', 'LARS', 'SOPHIE', 'EMMA', 'HANS', 'KLAUS'] },
  { weight: 5, nat: ['MEX', 'COL', 'BRA', 'ARG', 'PER', 'VEN'], order: 'given-first', surnames: ['GONZALEZ', 'RODRIGUEZ', 'HERNANDEZ', 'MARTINEZ', 'LOPEZ', 'PEREZ', 'SANCHEZ', 'RAMIREZ', 'SILVA', 'SOUZA', 'OLIVEIRA', 'PEREIRA', 'GOMEZ', 'DIAZ', 'MORALES', 'ORTIZ', 'CASTRO', 'VARGAS', 'ROJAS', 'JIMENEZ'], given: ['JOSE', 'JUAN', 'LUIS', 'CARLOS', 'JORGE', 'MIGUEL', 'ALEJANDRO', 'MARIA', 'GUADALUPE', 'ANA', 'CARMEN', 'JOAO', 'PEDRO', 'LUCAS', 'GABRIEL', 'FERNANDA', 'DIEGO', 'ANDRES', 'PABLO', 'RAFAEL'] },
  { weight: 5, nat: ['NGA', 'KEN', 'ETH', 'GHA', 'SOM', 'COD', 'UGA', 'SEN'], order: 'given-first', surnames: ['OKAFOR', 'ADEYEMI', 'OKONKWO', 'MWANGI', 'OTIENO', 'KAMAU', 'TESFAYE', 'GIRMA', 'MENSAH', 'OWUSU', 'MOHAMUD', 'WARSAME', 'KABILA', 'MUKENDI', 'OKELLO', 'DIOP', 'NDIAYE', 'BELLO', 'ABUBAKAR', 'IBRAHIM'], given: ['CHINEDU', 'OLUWASEUN', 'EMEKA', 'JOHN', 'GRACE', 'PETER', 'JOSEPH', 'ABDI', 'HAWA', 'AMINA', 'KWAME', 'KOFI', 'ABEBE', 'TIGIST', 'MOUSSA', 'FATOU', 'ISSA', 'JEAN-PIERRE', 'BLESSING', 'SAMUEL'] },
];

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Skewed pick: early items in a list are much more common (names follow a Zipf-like law). */
function zipf<T>(rnd: () => number, items: T[]): T {
  const i = Math.floor(items.length * Math.pow(rnd(), 1.8));
  return items[Math.min(items.length - 1, i)]!;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const STATES = ['THA', 'VNM', 'MYS', 'IDN', 'PHL', 'SGP', 'KHM', 'LAO', 'MMR', 'CHN', 'IND', 'GBR', 'USA', 'D', 'FRA', 'AUS', 'JPN', 'KOR'];

function typo(rnd: () => number, s: string): string {
  if (s.length < 4) return s;
  const i = 1 + Math.floor(rnd() * (s.length - 2));
  const r = rnd();
  if (r < 0.33) return s.slice(0, i) + s.slice(i + 1); // dropped letter
  if (r < 0.66) return s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2); // swapped letters
  return s.slice(0, i) + s[i] + s.slice(i); // doubled letter
}

export interface SyntheticPerson {
  entry: PersonEntry;
  surname: string;
  given: string;
}

export function* syntheticEntries(n: number, seed = 1): Generator<PersonEntry | DocumentEntry> {
  const rnd = mulberry32(seed);
  const total = REGIONS.reduce((a, r) => a + r.weight, 0);
  for (let i = 0; i < n; i++) {
    if (i % 5 === 4) {
      const state = STATES[Math.floor(rnd() * STATES.length)]!;
      const num = String.fromCharCode(65 + Math.floor(rnd() * 26)) + pad(Math.floor(rnd() * 1e8), 8);
      yield {
        kind: 'document', id: `syn-doc:${i}`, source: 'synthetic-sltd', documentNumber: num, issuingState: state, documentType: 'P',
        reportedDate: `20${pad(10 + Math.floor(rnd() * 16), 2)}-${pad(1 + Math.floor(rnd() * 12), 2)}-${pad(1 + Math.floor(rnd() * 28), 2)}`,
        reason: 'Reported stolen', action: 'Retain the document',
      };
      continue;
    }
    let pick = rnd() * total;
    let region = REGIONS[0]!;
    for (const r of REGIONS) {
      pick -= r.weight;
      if (pick <= 0) {
        region = r;
        break;
      }
    }
    const surname = zipf(rnd, region.surnames);
    let given = zipf(rnd, region.given);
    if (rnd() < 0.4) given += ' ' + zipf(rnd, region.given);
    if (region.middle && rnd() < 0.6) given = region.order === 'surname-first' ? `${zipf(rnd, region.middle)} ${given}` : `${given} ${zipf(rnd, region.middle)}`;
    const primary = region.order === 'surname-first' ? `${surname} ${given}` : `${given} ${surname}`;
    const names = [primary];
    if (rnd() < 0.25) names.push(`${surname}, ${typo(rnd, given)}`);
    if (region.native && rnd() < 0.3) names.push(region.native(given.split(' ')[0]!, surname)!);
    const y = 1940 + Math.floor(rnd() * 65);
    const dob = rnd() < 0.2 ? String(y) : `${y}-${pad(1 + Math.floor(rnd() * 12), 2)}-${pad(1 + Math.floor(rnd() * 28), 2)}`;
    yield {
      kind: 'person', id: `syn:${i}`, source: 'synthetic', names, birthDates: [dob],
      nationalities: [region.nat[Math.floor(rnd() * region.nat.length)]!], gender: rnd() < 0.5 ? 'M' : 'F',
      reason: 'Synthetic test entry', action: 'None (test data)', reference: String(i),
      documents: rnd() < 0.1 ? [{ number: 'S' + pad(Math.floor(rnd() * 1e8), 8), issuingState: region.nat[0]!, type: 'P' }] : [],
    };
  }
}

/**
 * Writes a snapshot bundle of n synthetic entries and returns screening queries for a load test:
 * half are listed people (with typos, reordered names), half new travellers; plus document checks.
 */
export function writeSyntheticBundle(path: string, n: number, seed = 1, listVersion = 1): { queries: ScreeningQuery[]; documents: ScreeningQuery[] } {
  const fd = openSync(path, 'w');
  const header: BundleHeader = { format: 'checkpoint-watchlist', formatVersion: 1, kind: 'snapshot', listVersion, baseVersion: null, publishedAt: new Date(0).toISOString(), entryCount: n };
  const queries: ScreeningQuery[] = [];
  const documents: ScreeningQuery[] = [];
  const rnd = mulberry32(seed + 7);
  const every = Math.max(1, Math.floor(n / 1000));
  let buf = JSON.stringify(header) + '\n';
  let i = 0;
  for (const e of syntheticEntries(n, seed)) {
    buf += JSON.stringify({ op: 'put', entry: e }) + '\n';
    if (buf.length > 1 << 20) {
      writeSync(fd, buf);
      buf = '';
    }
    if (e.kind === 'document' && documents.length < 1000 && rnd() < 5 / every) {
      documents.push({ documentNumber: e.documentNumber, issuingState: e.issuingState, documentCode: 'P' });
    }
    if (i % every === 0) {
      if (e.kind === 'person') {
        const parts = e.names[0]!.split(' ');
        const surname = parts.pop()!;
        queries.push({ surname: rnd() < 0.3 ? typo(rnd, surname) : surname, givenNames: parts.join(' '), birthDate: e.birthDates[0], nationality: e.nationalities[0], sex: e.gender });
      }
    }
    i++;
  }
  writeSync(fd, buf);
  closeSync(fd);
  // Travellers not on the list: fresh combinations from another seed.
  for (const e of syntheticEntries(Math.min(n, 5000), seed + 1000)) {
    if (queries.length >= 2 * Math.min(1000, n) || e.kind !== 'person') continue;
    if (rnd() < 0.8) continue;
    const parts = e.names[0]!.split(' ');
    queries.push({ surname: parts.pop()!, givenNames: parts.join(' '), birthDate: e.birthDates[0], nationality: e.nationalities[0], sex: e.gender });
  }
  return { queries, documents };
}
