/**
 * Known spelling variants, particles and titles. Lists spell the same person many ways
 * (MOHAMMED / MUHAMMAD / MOHD); folding each family onto one canonical token lets an exact
 * comparison do what fuzzy similarity would do badly (MOHD vs MUHAMMAD is far apart as letters).
 */

const FAMILIES: string[][] = [
  ['MUHAMMAD', 'MOHAMMAD', 'MOHAMMED', 'MUHAMMED', 'MOHAMED', 'MOHAMAD', 'MUHAMAD', 'MUHAMED', 'MOHD', 'MHD', 'MD', 'MOHAMMET', 'MUHAMMET', 'MEHMET', 'MEHMED', 'MAHOMED', 'MOHAMEED', 'MOUHAMED', 'MOUHAMMAD', 'MUHAMMADU', 'MAMADOU', 'MOHAMADOU'],
  ['ABD', 'ABDUL', 'ABDEL', 'ABDOUL', 'ABDOL', 'ABDUR', 'ABDU', 'ABDI'],
  ['ABDULLAH', 'ABDALLAH', 'ABDULLA', 'ABDULAH', 'ABDALLA', 'ABDOULLAH', 'ABDOLLAH'],
  ['AHMAD', 'AHMED', 'AHMET', 'ACHMAD', 'ACHMED', 'AHAMED', 'AHAMAD'],
  ['HUSSAIN', 'HUSSEIN', 'HUSAIN', 'HUSEIN', 'HOSSEIN', 'HUSAYN', 'HUSSAYN', 'HOSEIN', 'HUSEYIN', 'HOSSAIN'],
  ['HASAN', 'HASSAN', 'HASSEN', 'HACEN'],
  ['YUSUF', 'YOUSSEF', 'YOUSEF', 'YUSOF', 'YOUSUF', 'YOUSSOUF', 'YUSUP', 'JUSUF'],
  ['UTHMAN', 'USMAN', 'OSMAN', 'OTHMAN', 'OUSMANE', 'USMON'],
  ['UMAR', 'OMAR', 'OMER', 'OUMAR'],
  ['IBRAHIM', 'EBRAHIM', 'IBRAHEEM', 'IBRAGIM', 'BRAHIM'],
  ['MUSTAFA', 'MOSTAFA', 'MUSTAPHA', 'MOUSTAFA', 'MUSTAFAH'],
  ['SULAIMAN', 'SULEIMAN', 'SULEYMAN', 'SOLIMAN', 'SOLEIMAN', 'SULAYMAN', 'SULEMAN'],
  ['ABUBAKAR', 'ABUBAKR', 'ABOUBAKAR', 'ABUBAKER', 'ABOUBACAR', 'ABUBAKIR'],
  ['YAHYA', 'YAHIA', 'YEHIA', 'YAHIYA'],
  ['KHALID', 'KHALED', 'HALID', 'CHALID'],
  ['MAHMUD', 'MAHMOUD', 'MAHMOOD', 'MEHMOOD', 'MAHMOD'],
  ['SAYYID', 'SAYED', 'SAYYED', 'SYED', 'SEYED', 'SAYID', 'SEYYED'],
  ['ALI', 'ALY', 'ALIY'],
  ['ABU', 'ABOU', 'ABO'],
  ['NGUYEN', 'NGUYENN', 'NGUEN', 'NGUYN'],
  ['ALEXANDER', 'ALEKSANDR', 'ALEXANDR', 'ALEKSANDER', 'ALEXANDROS', 'OLEKSANDR', 'ALIAKSANDR', 'ALEXANDRE'],
  ['DMITRY', 'DMITRI', 'DMITRIY', 'DMITRII', 'DMYTRO'],
  ['SERGEY', 'SERGEI', 'SERHIY', 'SERGIY', 'SIARHEI', 'SERHII'],
  ['ALEXEY', 'ALEKSEY', 'ALEKSEI', 'ALEXEI', 'OLEKSIY', 'OLEKSII'],
  ['NIKOLAI', 'NIKOLAY', 'NICOLAI', 'MYKOLA', 'NIKOLAJ'],
  ['YURI', 'YURIY', 'IURI', 'IURII', 'YURIJ', 'YURII', 'JURIJ'],
  ['VLADIMIR', 'VOLODYMYR', 'WLADIMIR', 'ULADZIMIR', 'VLADIMIRAS', 'VLADIMIRS', 'VLAGYIMIR'],
  ['VLADIMIROVICH', 'VOLODYMYROVYCH', 'WLADIMIROWITSCH', 'VLADIMIROVITCH', 'VLADIMIROVIC', 'VLADIMIROVICI', 'VLADIMIROVITJ', 'WLADIMIROWICZ', 'VLAGYIMIROVICS', 'ULADZIMIRAVICH', 'WLADIMIROWITSJ', 'VLADIMIROVITX'],
  ['LEE', 'YI', 'RHEE', 'RI'],
  ['PARK', 'PAK', 'BAK', 'BAEK'],
  ['CHOI', 'CHOE', 'CHWE'],
  ['JUNG', 'JEONG', 'CHUNG', 'CHONG'],
];

/** Name particles: carry little identity (AL-, BIN, VAN) and are often dropped or joined. */
export const PARTICLES = new Set([
  'AL', 'EL', 'UL', 'UR', 'AS', 'AD', 'AZ', 'AN', 'AR', 'ASH', 'ADH', 'AT',
  'BIN', 'IBN', 'BINT', 'BINTI', 'BTE', 'BT', 'BEN', 'BENT', 'BINTE', 'A/L', 'A/P', 'AP',
  'VAN', 'VON', 'DER', 'DEN', 'DE', 'DA', 'DO', 'DOS', 'DAS', 'DEL', 'DI', 'DU', 'LA', 'LE', 'Y', 'E',
  'MAC', 'MC', 'O', 'ST',
]);

/** Tokens that are honorifics or titles, not names; dropped when other tokens remain. */
export const TITLES = new Set([
  'MR', 'MRS', 'MS', 'MISS', 'DR', 'PROF', 'SIR', 'SHEIKH', 'SHAIKH', 'SHEIKHA', 'MAULANA', 'MAULAVI', 'MAWLAWI', 'MULLAH', 'MULLA', 'HAJ', 'HAJJI', 'QARI',
  'PRESIDENT', 'PRESIDENTE', 'PRESIDEN', 'PRASIDENT', 'PRAESIDENT', 'PREZIDENT', 'PREZYDENT', 'PRESEDINTELE', 'PREDSJEDNIK', 'PREDSEDNIK', 'ELNOK', 'GENERAL', 'GEN', 'COLONEL', 'COL', 'CAPTAIN', 'CAPT',
  'PREZIDENTAS', 'PREZIDENTS', 'PRESIDENTTI', 'PRESIDENTEN', 'PROEDROS',
  'DATO', 'DATUK', 'TUN', 'HAJI', 'HAJAH', 'KHUN', 'NAI', 'NANG', 'NANGSAO', 'U', 'DAW',
]);

/**
 * Common name tokens: a match on one of these alone says little about identity, so they weigh less.
 * (A match on a rare surname such as a listed person's family name says a lot.)
 */
export const COMMON_TOKENS = new Set([
  'MUHAMMAD', 'ABD', 'ABDULLAH', 'AHMAD', 'ALI', 'HASAN', 'HUSSAIN', 'KHAN', 'UMAR', 'IBRAHIM', 'YUSUF', 'ABU', 'MAHMUD', 'MUSTAFA', 'KHALID', 'SAYYID',
  'KIM', 'LEE', 'PARK', 'CHOI', 'JUNG', 'KANG', 'CHO', 'YOON', 'JANG', 'LIM', 'HAN', 'SONG', 'RI',
  'NGUYEN', 'TRAN', 'LE', 'PHAM', 'HOANG', 'VAN', 'THI', 'DUC', 'MINH',
  'WANG', 'LI', 'ZHANG', 'LIU', 'CHEN', 'YANG', 'HUANG', 'ZHAO', 'WU', 'ZHOU', 'XU', 'SUN', 'MA', 'ZHU', 'HU', 'GUO', 'LIN', 'WEI', 'TAN', 'LIM', 'NG', 'ONG', 'WONG', 'CHAN', 'LAU',
  'SINGH', 'KUMAR', 'DEVI', 'SHARMA', 'PATEL', 'RAM', 'BEGUM', 'BIBI', 'AKTER', 'ISLAM', 'RAHMAN', 'HOSSAIN',
  'SMITH', 'JOHN', 'JAMES', 'DAVID', 'MARIA', 'JOSE', 'GARCIA', 'MARTIN', 'LOPEZ', 'RODRIGUEZ', 'GONZALEZ', 'HERNANDEZ',
  'SANTOS', 'REYES', 'CRUZ', 'BAUTISTA', 'DELA', 'SITI', 'NUR', 'NOOR', 'PUTRI', 'DEWI', 'BUDI', 'SRI', 'AUNG', 'MAUNG', 'KYAW', 'HTET', 'SOE', 'MYINT', 'THANT', 'WIN', 'SOM', 'SOK',
]);

const CANONICAL = new Map<string, string>();
for (const family of FAMILIES) for (const v of family) CANONICAL.set(v, family[0]!);

export function canonicalToken(token: string): string {
  return CANONICAL.get(token) ?? token;
}

export function isParticle(token: string): boolean {
  return PARTICLES.has(token);
}
