/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Draws src/gui/icons/spinner.symbolic.png, the spinners' icon: a ring
 * at a quarter of the text's colour with a quarter of it whole, black
 * with alpha as a symbolic PNG is (GTK draws it in the text's colour).
 * 64 pixels for the app's 32-pixel spinners at scale 2.
 *
 *   cc build-aux/draw-spinner.c -o draw-spinner $(pkg-config --cflags \
 *     --libs cairo) -lm && ./draw-spinner src/gui/icons/spinner.symbolic.png
 */
#include <cairo.h>
#include <math.h>

#define SIZE 64

int
main (int argc, char *argv[])
{
  double unit = SIZE / 16.0;
  cairo_surface_t *surface =
      cairo_image_surface_create (CAIRO_FORMAT_ARGB32, SIZE, SIZE);
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;

  if (argc != 2)
    return 2;
  cairo_set_line_width (cr, 2 * unit);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
  cairo_arc (cr, 8 * unit, 8 * unit, 6 * unit, 0, 2 * M_PI);
  cairo_stroke (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 1);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_arc (cr, 8 * unit, 8 * unit, 6 * unit, -M_PI / 2, 0);
  cairo_stroke (cr);
  cairo_destroy (cr);
  status = cairo_surface_write_to_png (surface, argv[1]);
  cairo_surface_destroy (surface);
  return status == CAIRO_STATUS_SUCCESS ? 0 : 1;
}
