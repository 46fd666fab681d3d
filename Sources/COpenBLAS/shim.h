// OpenBLAS's CBLAS interface. Debian's libopenblas-dev has no cblas.pc, so the
// include path comes from pkg-config's `openblas` entry (see Package.swift).
#include <cblas.h>
