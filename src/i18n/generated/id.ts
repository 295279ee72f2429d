
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      's04ae3c13e8c60fee': `Toko`,
's0da066f056dc969e': `Tidak ada pesanan yang cocok`,
's2c8189544e3ea679': `Coba lagi`,
's2ceb11be2290bb1b': `Batal`,
's5d929ff1619ac0c9': `Cari`,
's6ebc9bd6feae62a3': `Memuat…`,
's97d7909785070c19': `Pelanggan`,
'sad3e3c8146fc920f': `Status`,
'sb85774dc5d18ff0f': `Konfirmasi`,
'se87b30a62af9f12c': `Pesanan`,
'sed8ec5e3c64fa25d': `Total`,
    };
  