/**
 * Demo reference data for the generator: products with SKUs and variants priced per currency, and per
 * country the customers' names, phones, addresses, couriers, delivery agents and fees. Private to
 * `generate`.
 */
import { minorDigits } from '../money.js';
import type { Address, Customer, Person } from '../types.js';
import type { CourierCode } from '../presets/shared.js';
import type { Rng } from './random.js';

export interface Product {
  readonly sku: string;
  readonly name: string;
  readonly variants?: readonly (readonly [code: string, label: string])[];
  /** Reference price in US cents, converted per currency by `price`. */
  readonly usdCents: number;
}

export const PRODUCTS: readonly Product[] = [
  { sku: 'KOP-GAYO-250', name: 'Gayo Arabica Coffee 250 g', variants: [['WB', 'Whole bean'], ['GR', 'Ground']], usdCents: 1200 },
  { sku: 'KOP-CB-1L', name: 'Cold Brew Concentrate 1 L', usdCents: 1500 },
  { sku: 'BTK-SHIRT', name: 'Batik Tulis Shirt', variants: [['S', 'S'], ['M', 'M'], ['L', 'L'], ['XL', 'XL']], usdCents: 3800 },
  { sku: 'LIN-TOTE', name: 'Linen Tote Bag', variants: [['NAT', 'Natural'], ['BLK', 'Black']], usdCents: 1400 },
  { sku: 'RTN-COAST6', name: 'Rattan Coaster Set (6)', usdCents: 900 },
  { sku: 'CER-DRIP', name: 'Ceramic Pour-over Dripper', variants: [['WHT', 'White'], ['SPK', 'Speckled']], usdCents: 2200 },
  { sku: 'AUD-BUDS', name: 'Wireless Earbuds Pro', variants: [['BLK', 'Black'], ['WHT', 'White']], usdCents: 4900 },
  { sku: 'CASE-MAG', name: 'MagSafe Phone Case', variants: [['IP16', 'iPhone 16'], ['IP16P', 'iPhone 16 Pro'], ['S25', 'Galaxy S25']], usdCents: 1900 },
  { sku: 'CHG-65W', name: 'USB-C Fast Charger 65 W', usdCents: 2900 },
  { sku: 'PWR-20K', name: 'Power Bank 20,000 mAh', usdCents: 3500 },
  { sku: 'SKN-NIA30', name: 'Niacinamide Serum 30 ml', usdCents: 1600 },
  { sku: 'SKN-SPF50', name: 'Sunscreen SPF 50 50 ml', usdCents: 1300 },
  { sku: 'LIP-TINT', name: 'Lip Tint', variants: [['ROS', 'Rose'], ['COR', 'Coral'], ['BER', 'Berry']], usdCents: 800 },
  { sku: 'SKN-MASK10', name: 'Sheet Mask Pack (10)', usdCents: 1100 },
  { sku: 'HOM-CANDLE', name: 'Scented Soy Candle', variants: [['PDN', 'Pandan'], ['LMG', 'Lemongrass'], ['SDW', 'Sandalwood']], usdCents: 1700 },
  { sku: 'KIT-BOARD', name: 'Bamboo Cutting Board', usdCents: 2100 },
  { sku: 'BED-SET', name: 'Cotton Bedsheet Set', variants: [['SGL', 'Single'], ['QN', 'Queen'], ['KG', 'King']], usdCents: 5200 },
  { sku: 'ANK-DRESS', name: 'Ankara Print Dress', variants: [['S', 'S'], ['M', 'M'], ['L', 'L']], usdCents: 4500 },
  { sku: 'SHEA-250', name: 'Raw Shea Butter 250 g', usdCents: 1000 },
  { sku: 'KIT-RICE18', name: 'Rice Cooker 1.8 L', usdCents: 6500 },
  { sku: 'SHO-RUN', name: 'Running Shoes', variants: [['40', 'EU 40'], ['41', 'EU 41'], ['42', 'EU 42'], ['43', 'EU 43'], ['44', 'EU 44']], usdCents: 7900 },
  { sku: 'FIT-MAT6', name: 'Yoga Mat 6 mm', variants: [['TEA', 'Teal'], ['GRY', 'Grey']], usdCents: 2600 },
  { sku: 'TUM-500', name: 'Stainless Tumbler 500 ml', variants: [['BLK', 'Black'], ['SAG', 'Sage'], ['SND', 'Sand']], usdCents: 1800 },
  { sku: 'BAG-KIDS', name: 'Kids Backpack', usdCents: 2400 },
];

/** Price of a product in a currency's minor units, rounded the way local shops price. */
export function price(usdCents: number, currency: string): number {
  switch (currency) {
    case 'IDR':
      return Math.round((usdCents * 160) / 1000) * 1000;
    case 'MYR':
      return Math.round((usdCents * 4.4) / 100) * 100 - 10;
    case 'SGD':
      return Math.round((usdCents * 1.35) / 100) * 100 - 10;
    case 'NGN':
      return Math.round((usdCents * 1550) / 5000) * 5000;
    case 'PHP':
      return Math.round((usdCents * 57) / 500) * 500 - 100;
    default: {
      const unit = 10 ** minorDigits(currency);
      return Math.max(1, Math.round(usdCents / 100)) * unit;
    }
  }
}

/** Delivery fees as [min, max, step] in minor units. */
const FEES: Record<string, readonly [number, number, number]> = {
  IDR: [9000, 35000, 1000],
  MYR: [500, 1500, 10],
  SGD: [300, 900, 10],
  NGN: [150000, 500000, 5000],
  PHP: [5000, 18000, 500],
};

export function deliveryFee(r: Rng, currency: string): number {
  const [min, max, step] = FEES[currency] ?? [3, 9, 1].map((x) => x * 10 ** minorDigits(currency)) as [number, number, number];
  return min + r.int(0, Math.floor((max - min) / step)) * step;
}

export interface Country {
  readonly code: string;
  readonly name: (r: Rng) => string;
  readonly phone: (r: Rng) => string;
  readonly address: (r: Rng) => Omit<Address, 'name' | 'phone'>;
  readonly emailDomains: readonly string[];
  readonly couriers: readonly CourierCode[];
  /** The name used for courier `other` in this country. */
  readonly otherCourier: string;
  readonly agents: readonly Person[];
  readonly csrs: readonly Person[];
  /** Tax in basis points of the discounted subtotal (0 when prices include it). */
  readonly taxBps: number;
}

const combo = (first: readonly string[], last: readonly string[]) => (r: Rng) => `${r.pick(first)} ${r.pick(last)}`;
const people = (prefix: string, names: readonly string[]): Person[] =>
  names.map((name, i) => ({ id: `${prefix}_${i + 1}`, name }));

const ID: Country = {
  code: 'ID',
  name: combo(
    ['Budi', 'Siti', 'Agus', 'Dewi', 'Rizky', 'Putri', 'Andi', 'Ayu', 'Hendra', 'Intan', 'Fajar', 'Nurul', 'Yoga', 'Rina', 'Dimas', 'Wulan', 'Bayu', 'Arief', 'Maya', 'Galih'],
    ['Santoso', 'Wijaya', 'Saputra', 'Rahayu', 'Pratama', 'Hidayat', 'Kurniawan', 'Lestari', 'Nugroho', 'Setiawan', 'Siregar', 'Hasibuan', 'Halim', 'Susanti', 'Permana'],
  ),
  phone: (r) => `+62 8${r.pick(['11', '12', '13', '21', '22', '52', '57', '77', '78', '95', '81', '82'])}-${r.chars(4)}-${r.chars(4)}`,
  address: (r) => {
    const [city, region, zip] = r.pick([
      ['Jakarta Selatan', 'DKI Jakarta', '12'],
      ['Jakarta Barat', 'DKI Jakarta', '11'],
      ['Bandung', 'Jawa Barat', '40'],
      ['Surabaya', 'Jawa Timur', '60'],
      ['Yogyakarta', 'DI Yogyakarta', '55'],
      ['Medan', 'Sumatera Utara', '20'],
      ['Denpasar', 'Bali', '80'],
      ['Semarang', 'Jawa Tengah', '50'],
      ['Tangerang', 'Banten', '15'],
      ['Bekasi', 'Jawa Barat', '17'],
    ] as const);
    const street = r.pick(['Jl. Sudirman', 'Jl. Gatot Subroto', 'Jl. Kemang Raya', 'Jl. Diponegoro', 'Jl. Pemuda', 'Jl. Asia Afrika', 'Jl. Darmo', 'Jl. Cikini Raya', 'Jl. Veteran', 'Jl. Gajah Mada']);
    return { line1: `${street} No. ${r.int(1, 250)}`, city, region, postalCode: `${zip}${r.chars(3)}`, country: 'ID' };
  },
  emailDomains: ['gmail.com', 'yahoo.co.id', 'outlook.com'],
  couriers: ['jnt', 'jne', 'sicepat', 'ninjavan', 'gosend', 'grabexpress', 'lalamove'],
  otherCourier: 'Anteraja',
  agents: people('agt_id', ['Joko Susilo', 'Eko Prasetyo', 'Dedi Kurnia', 'Rudi Hartono']),
  csrs: people('csr_id', ['Indah Permata', 'Fitri Handayani', 'Yusuf Maulana']),
  taxBps: 0,
};

const MY: Country = {
  code: 'MY',
  name: (r) =>
    r.pick([
      'Nur Aisyah Ahmad', 'Muhammad Hafiz Ismail', 'Tan Wei Ming', 'Lim Mei Ling', 'Siti Nurhaliza Yusof', 'Kavitha Raman',
      'Arjun Subramaniam', 'Wong Kah Hoe', 'Nurul Izzah Hassan', 'Farah Nadia Zulkifli', 'Ong Siew Lan', 'Amirul Hakim Rahman',
      'Priya Devi', 'Chan Jia Hui', 'Mohd Faizal Abdullah', 'Goh Boon Keat', 'Nabilah Aziz', 'Rajesh Kumar', 'Teoh Xin Yi', 'Hazwan Roslan',
    ]),
  phone: (r) => `+60 1${r.pick(['2', '3', '6', '7', '9'])}-${r.chars(3)} ${r.chars(4)}`,
  address: (r) => {
    const [city, region, zip] = r.pick([
      ['Kuala Lumpur', 'Wilayah Persekutuan', '50'],
      ['Petaling Jaya', 'Selangor', '47'],
      ['Shah Alam', 'Selangor', '40'],
      ['George Town', 'Pulau Pinang', '10'],
      ['Johor Bahru', 'Johor', '80'],
      ['Ipoh', 'Perak', '30'],
      ['Kota Kinabalu', 'Sabah', '88'],
    ] as const);
    const street = r.pick(['Jalan Ampang', 'Jalan Tun Razak', 'Jalan Bukit Bintang', 'Jalan SS 2/24', 'Jalan Klang Lama', 'Persiaran Surian', 'Jalan Burma']);
    return { line1: `No. ${r.int(1, 120)}, ${street}`, city, region, postalCode: `${zip}${r.chars(3)}`, country: 'MY' };
  },
  emailDomains: ['gmail.com', 'yahoo.com', 'hotmail.com'],
  couriers: ['poslaju', 'jnt', 'ninjavan', 'dhl', 'fedex', 'lalamove', 'grabexpress'],
  otherCourier: 'City-Link Express',
  agents: people('agt_my', ['Azman Yusoff', 'Kumar Selvam', 'Lim Chee Keong']),
  csrs: people('csr_my', ['Aina Sofea', 'Jessica Lau']),
  taxBps: 0,
};

const SG: Country = {
  code: 'SG',
  name: (r) =>
    r.pick([
      'Lim Jia Hui', 'Tan Kai Wen', 'Nur Syafiqah', 'Rachel Ng', 'Daniel Koh', 'Priya Nair', 'Marcus Lee', 'Siti Aminah', 'Ethan Goh',
      'Chloe Tan', 'Muhammad Irfan', 'Jasmine Chua', 'Ravi Menon', 'Sophia Lim', 'Bryan Teo', 'Ong Hui Min', 'Aaron Sim', 'Farhana Ismail',
    ]),
  phone: (r) => `+65 ${r.pick(['8', '9'])}${r.chars(3)} ${r.chars(4)}`,
  address: (r) => {
    const street = r.pick(['Ang Mo Kio Ave 3', 'Tampines St 21', 'Jurong West St 52', 'Bedok North Rd', 'Toa Payoh Lor 1', 'Clementi Ave 2', 'Punggol Field']);
    return {
      line1: `Blk ${r.int(100, 999)} ${street}`,
      line2: `#${String(r.int(2, 20)).padStart(2, '0')}-${r.int(100, 999)}`,
      city: 'Singapore',
      postalCode: `${r.pick(['56', '52', '64', '46', '31', '12', '82'])}${r.chars(4)}`,
      country: 'SG',
    };
  },
  emailDomains: ['gmail.com', 'outlook.com', 'singnet.com.sg'],
  couriers: ['ninjavan', 'dhl', 'fedex', 'lalamove', 'grabexpress'],
  otherCourier: 'SingPost',
  agents: people('agt_sg', ['Ahmad Firdaus', 'Kelvin Tan']),
  csrs: people('csr_sg', ['Grace Wong', 'Nadia Rahim']),
  taxBps: 900,
};

const NG: Country = {
  code: 'NG',
  name: combo(
    ['Chinedu', 'Aisha', 'Oluwaseun', 'Ngozi', 'Emeka', 'Funmilayo', 'Ibrahim', 'Chiamaka', 'Tunde', 'Zainab', 'Adebayo', 'Amaka', 'Yusuf', 'Blessing', 'Obinna', 'Halima', 'Segun', 'Kemi'],
    ['Okafor', 'Bello', 'Adeyemi', 'Okonkwo', 'Abubakar', 'Eze', 'Ogunleye', 'Nwosu', 'Balogun', 'Adeleke', 'Okoro', 'Musa', 'Onyekachi', 'Lawal'],
  ),
  phone: (r) => `+234 ${r.pick(['803', '806', '813', '816', '703', '706', '810', '802', '808', '905'])} ${r.chars(3)} ${r.chars(4)}`,
  address: (r) => {
    const [city, region, postalCode] = r.pick([
      ['Lekki', 'Lagos', '105102'],
      ['Ikeja', 'Lagos', '100271'],
      ['Victoria Island', 'Lagos', '101241'],
      ['Yaba', 'Lagos', '101212'],
      ['Surulere', 'Lagos', '101283'],
      ['Abuja', 'FCT', '900288'],
      ['Ibadan', 'Oyo', '200221'],
      ['Port Harcourt', 'Rivers', '500272'],
    ] as const);
    const street = r.pick(['Admiralty Way', 'Allen Avenue', 'Adeola Odeku Street', 'Awolowo Road', 'Herbert Macaulay Way', 'Ozumba Mbadiwe Avenue', 'Opebi Road', 'Ahmadu Bello Way']);
    return { line1: `${r.int(1, 80)} ${street}`, city, region, postalCode, country: 'NG' };
  },
  emailDomains: ['gmail.com', 'yahoo.com'],
  couriers: ['dhl', 'fedex', 'other'],
  otherCourier: 'GIG Logistics',
  agents: people('agt_ng', ['Emeka Nwosu', 'Ibrahim Sani', 'Tope Alabi', 'Uche Obi', 'Musa Danjuma']),
  csrs: people('csr_ng', ['Adaeze Okeke', 'Bisi Adewale', 'Fatima Yakubu']),
  taxBps: 0,
};

const PH: Country = {
  code: 'PH',
  name: combo(
    ['Maria', 'Juan', 'Jose', 'Ana', 'Mark', 'Kristine', 'John Paul', 'Angelica', 'Carlo', 'Patricia', 'Miguel', 'Jasmine', 'Paolo', 'Camille'],
    ['Santos', 'Reyes', 'Cruz', 'Bautista', 'Ocampo', 'Garcia', 'Mendoza', 'Torres', 'Villanueva', 'Ramos', 'Aquino', 'Dela Cruz', 'Castillo', 'Navarro'],
  ),
  phone: (r) => `+63 9${r.pick(['17', '18', '19', '20', '27', '28', '45', '55', '66', '77', '95'])} ${r.chars(3)} ${r.chars(4)}`,
  address: (r) => {
    const [city, region, postalCode] = r.pick([
      ['Makati', 'Metro Manila', '1226'],
      ['Quezon City', 'Metro Manila', '1100'],
      ['Taguig', 'Metro Manila', '1634'],
      ['Pasig', 'Metro Manila', '1600'],
      ['Manila', 'Metro Manila', '1000'],
      ['Cebu City', 'Cebu', '6000'],
      ['Davao City', 'Davao del Sur', '8000'],
    ] as const);
    const street = r.pick(['Ayala Ave', 'Kalayaan Ave', 'Katipunan Ave', 'Shaw Blvd', 'Aurora Blvd', 'Timog Ave', 'Tomas Morato Ave']);
    return { line1: `${r.int(1, 999)} ${street}`, city, region, postalCode, country: 'PH' };
  },
  emailDomains: ['gmail.com', 'yahoo.com', 'outlook.com'],
  couriers: ['jnt', 'ninjavan', 'lalamove', 'grabexpress'],
  otherCourier: 'LBC Express',
  agents: people('agt_ph', ['Rodel Manalo', 'Jun Dizon', 'Arnel Santos']),
  csrs: people('csr_ph', ['Bea Lopez', 'Tricia Uy']),
  taxBps: 1200,
};

const BY_CURRENCY: Record<string, Country> = { IDR: ID, MYR: MY, SGD: SG, NGN: NG, PHP: PH };

/** The country a store's customers come from, by its currency (Indonesia for any other). */
export const countryOf = (currency: string): Country => BY_CURRENCY[currency] ?? ID;

/** Whole-hour UTC offsets of the demo time zones (none of them observes daylight saving). */
const OFFSETS: Record<string, number> = {
  'Asia/Jakarta': 7,
  'Asia/Kuala_Lumpur': 8,
  'Asia/Singapore': 8,
  'Asia/Manila': 8,
  'Africa/Lagos': 1,
};

/** The zone's UTC offset in hours at `atMs` (from the table, else from Intl; 0 for an unknown zone). */
export function utcOffsetHours(timeZone: string, atMs: number): number {
  const known = OFFSETS[timeZone];
  if (known !== undefined) return known;
  try {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    }).formatToParts(new Date(atMs));
    const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
    const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
    return Math.round((local - Math.floor(atMs / 60_000) * 60_000) / 900_000) / 4;
  } catch {
    return 0;
  }
}

export function customer(r: Rng, country: Country): { customer: Customer; address: Address } {
  const name = country.name(r);
  const phone = country.phone(r);
  const withEmail = r.chance(0.55);
  const email = withEmail
    ? `${name.toLowerCase().replace(/[^a-z ]/g, '').trim().replace(/\s+/g, '.')}${r.chance(0.5) ? r.int(1, 99) : ''}@${r.pick(country.emailDomains)}`
    : undefined;
  return {
    customer: { name, phone, ...(email && { email }) },
    address: { name, phone, ...country.address(r) },
  };
}
