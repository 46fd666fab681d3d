// zlib's deflate and CRC-32, for writing PNG files (Debian: zlib1g-dev, pkg-config `zlib`).
#include <zlib.h>
