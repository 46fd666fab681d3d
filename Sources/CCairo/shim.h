// Cairo's drawing API and its PNG, PDF and SVG surfaces (Debian: libcairo2-dev, pkg-config `cairo`).
#include <cairo/cairo.h>
#include <cairo/cairo-pdf.h>
#include <cairo/cairo-svg.h>
