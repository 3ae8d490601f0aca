/**
 * The example zones of ICAO Doc 9303 (8th edition): the fictional state Utopia (UTO). The scanner
 * simulator emits these and the tests read them, so they are kept character for character.
 */
export const SPECIMENS: Record<string, string[]> = {
  /** Part 4, passport (TD3): Anna Maria Eriksson. */
  td3: ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'],
  /** Part 5, identity card (TD1). */
  td1: ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'],
  /** Part 6, official travel document (TD2). */
  td2: ['I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'D231458907UTO7408122F1204159<<<<<<<6'],
  /** Part 7, visa format A (full size). */
  mrva: ['V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L8988901C4XXX4009078F96121096ZE184226B<<<<<<'],
  /** Part 7, visa format B (reduced size). */
  mrvb: ['V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'L8988901C4XXX4009078F9612109<<<<<<<<'],
  /** Part 11 Appendix D (Basic Access Control example): TD3 with an 8-character number, filler-padded. */
  td3bac: ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C<3UTO6908061F9406236ZE184226B<<<<<14'],
  /** Part 11 Appendix D: TD1 with a 12-character document number continued in the optional data. */
  td1long: ['I<UTOD23145890<7349<<<<<<<<<<<', '3407127M9507122UTO<<<<<<<<<<<2', 'STEVENSON<<PETER<JOHN<<<<<<<<<'],
  /** Part 11 Appendix D: TD2 with a 12-character document number continued in the optional data. */
  td2long: ['I<UTOSTEVENSON<<PETER<JOHN<<<<<<<<<<', 'D23145890<UTO3407127M95071227349<<<8'],
};
