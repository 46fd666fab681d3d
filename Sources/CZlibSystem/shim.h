// zlib: deflate and CRC-32 for writing PNG files, inflate for gzipped data files (Debian: zlib1g-dev, pkg-config `zlib`).
#include <zlib.h>
