// Cairo's drawing API and its PNG, PDF and SVG surfaces (Debian: libcairo2-dev, pkg-config `cairo`),
// its FreeType font faces, and fontconfig (libfontconfig-dev, a dependency of libcairo2-dev), asked
// which installed font draws a family and which has a glyph that the figure font lacks.
#include <cairo/cairo.h>
#include <cairo/cairo-pdf.h>
#include <cairo/cairo-svg.h>
#include <cairo/cairo-ft.h>
#include <fontconfig/fontconfig.h>
