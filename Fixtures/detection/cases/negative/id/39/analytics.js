gtag('config', 'G-8VL34QPLNX');
const SEGMENT_WRITE_KEY_PUBLIC = 'public';
