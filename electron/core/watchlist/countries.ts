/**
 * Country names and ISO/ICAO codes, so a nationality written as "Iraq", "iq", "IRQ" or the MRZ's "D"
 * compares as one value. Lists use names, travellers' documents use ICAO three-letter codes.
 */
const TABLE = `AFG AF Afghanistan
ALB AL Albania
DZA DZ Algeria
AND AD Andorra
AGO AO Angola
ATG AG Antigua and Barbuda
ARG AR Argentina
ARM AM Armenia
AUS AU Australia
AUT AT Austria
AZE AZ Azerbaijan
BHS BS Bahamas|The Bahamas
BHR BH Bahrain
BGD BD Bangladesh
BRB BB Barbados
BLR BY Belarus
BEL BE Belgium
BLZ BZ Belize
BEN BJ Benin
BTN BT Bhutan
BOL BO Bolivia|Bolivia (Plurinational State of)
BIH BA Bosnia and Herzegovina
BWA BW Botswana
BRA BR Brazil
BRN BN Brunei|Brunei Darussalam
BGR BG Bulgaria
BFA BF Burkina Faso
BDI BI Burundi
CPV CV Cabo Verde|Cape Verde
KHM KH Cambodia
CMR CM Cameroon
CAN CA Canada
CAF CF Central African Republic
TCD TD Chad
CHL CL Chile
CHN CN China
COL CO Colombia
COM KM Comoros
COG CG Congo|Republic of the Congo
COD CD Democratic Republic of the Congo|Congo, Democratic Republic of the|DR Congo
CRI CR Costa Rica
CIV CI Ivory Coast|Cote d'Ivoire|Côte d'Ivoire
HRV HR Croatia
CUB CU Cuba
CYP CY Cyprus
CZE CZ Czech Republic|Czechia
DNK DK Denmark
DJI DJ Djibouti
DMA DM Dominica
DOM DO Dominican Republic
ECU EC Ecuador
EGY EG Egypt
SLV SV El Salvador
GNQ GQ Equatorial Guinea
ERI ER Eritrea
EST EE Estonia
SWZ SZ Eswatini|Swaziland
ETH ET Ethiopia
FJI FJ Fiji
FIN FI Finland
FRA FR France
GAB GA Gabon
GMB GM Gambia
GEO GE Georgia
D DE Germany|DEU
GHA GH Ghana
GRC GR Greece
GRD GD Grenada
GTM GT Guatemala
GIN GN Guinea
GNB GW Guinea-Bissau
GUY GY Guyana
HTI HT Haiti
HND HN Honduras
HKG HK Hong Kong|Hong Kong SAR
HUN HU Hungary
ISL IS Iceland
IND IN India
IDN ID Indonesia
IRN IR Iran|Iran (Islamic Republic of)
IRQ IQ Iraq
IRL IE Ireland
ISR IL Israel
ITA IT Italy
JAM JM Jamaica
JPN JP Japan
JOR JO Jordan
KAZ KZ Kazakhstan
KEN KE Kenya
KIR KI Kiribati
PRK KP North Korea|Democratic People's Republic of Korea|Korea, North
KOR KR South Korea|Republic of Korea|Korea, South|Korea
RKS XK Kosovo
KWT KW Kuwait
KGZ KG Kyrgyzstan
LAO LA Laos|Lao People's Democratic Republic
LVA LV Latvia
LBN LB Lebanon
LSO LS Lesotho
LBR LR Liberia
LBY LY Libya
LIE LI Liechtenstein
LTU LT Lithuania
LUX LU Luxembourg
MAC MO Macao|Macau
MDG MG Madagascar
MWI MW Malawi
MYS MY Malaysia
MDV MV Maldives
MLI ML Mali
MLT MT Malta
MHL MH Marshall Islands
MRT MR Mauritania
MUS MU Mauritius
MEX MX Mexico
FSM FM Micronesia
MDA MD Moldova|Republic of Moldova
MCO MC Monaco
MNG MN Mongolia
MNE ME Montenegro
MAR MA Morocco
MOZ MZ Mozambique
MMR MM Myanmar|Burma
NAM NA Namibia
NRU NR Nauru
NPL NP Nepal
NLD NL Netherlands
NZL NZ New Zealand
NIC NI Nicaragua
NER NE Niger
NGA NG Nigeria
MKD MK North Macedonia|Macedonia
NOR NO Norway
OMN OM Oman
PAK PK Pakistan
PLW PW Palau
PSE PS Palestine|State of Palestine|Occupied Palestinian Territory
PAN PA Panama
PNG PG Papua New Guinea
PRY PY Paraguay
PER PE Peru
PHL PH Philippines
POL PL Poland
PRT PT Portugal
QAT QA Qatar
ROU RO Romania
RUS RU Russia|Russian Federation
RWA RW Rwanda
KNA KN Saint Kitts and Nevis
LCA LC Saint Lucia
VCT VC Saint Vincent and the Grenadines
WSM WS Samoa
SMR SM San Marino
STP ST Sao Tome and Principe
SAU SA Saudi Arabia
SEN SN Senegal
SRB RS Serbia
SYC SC Seychelles
SLE SL Sierra Leone
SGP SG Singapore
SVK SK Slovakia
SVN SI Slovenia
SLB SB Solomon Islands
SOM SO Somalia
ZAF ZA South Africa
SSD SS South Sudan
ESP ES Spain
LKA LK Sri Lanka
SDN SD Sudan
SUR SR Suriname
SWE SE Sweden
CHE CH Switzerland
SYR SY Syria|Syrian Arab Republic
TWN TW Taiwan
TJK TJ Tajikistan
TZA TZ Tanzania|United Republic of Tanzania
THA TH Thailand
TLS TL East Timor|Timor-Leste
TGO TG Togo
TON TO Tonga
TTO TT Trinidad and Tobago
TUN TN Tunisia
TUR TR Turkey|Türkiye|Turkiye
TKM TM Turkmenistan
TUV TV Tuvalu
UGA UG Uganda
UKR UA Ukraine
ARE AE United Arab Emirates
GBR GB United Kingdom|United Kingdom of Great Britain and Northern Ireland|UK|GBD|GBN|GBO|GBP|GBS
USA US United States|United States of America|USA
URY UY Uruguay
UZB UZ Uzbekistan
VUT VU Vanuatu
VAT VA Holy See|Vatican
VEN VE Venezuela|Venezuela (Bolivarian Republic of)
VNM VN Vietnam|Viet Nam
YEM YE Yemen
ZMB ZM Zambia
ZWE ZW Zimbabwe
UNO UN United Nations
XXA XX Stateless
UTO UT Utopia`;

const BY_KEY = new Map<string, string>();
for (const line of TABLE.split('\n')) {
  const [a3, a2, ...rest] = line.split(' ');
  const names = rest.join(' ').split('|');
  BY_KEY.set(a3!, a3!);
  BY_KEY.set(a2!, a3!);
  for (const n of names) BY_KEY.set(n.toUpperCase(), a3!);
}

/**
 * ICAO code for a country written any common way; '' when unknown. Germany is `D` as in the MRZ.
 * Fillers (`D<<`) are ignored.
 */
export function countryCode(value: string | undefined | null): string {
  if (!value) return '';
  const v = value.trim().replace(/<+$/, '').toUpperCase();
  if (!v) return '';
  return BY_KEY.get(v) ?? BY_KEY.get(v.replace(/^THE /, '')) ?? (/^[A-Z]{3}$/.test(v) ? v : '');
}
