/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-bidi"

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "ls-bidi.h"

/* Values put into a sentence keep their direction to themselves.  A name
 * written right to left turns the number after it around otherwise: in
 * "ليلى حسن (19380415-****)" the digits join the Arabic run and the
 * masked number reads "(****-19380415)".  Each inserted value is wrapped
 * in U+2068 FIRST STRONG ISOLATE and U+2069 POP DIRECTIONAL ISOLATE,
 * which Pango does not draw, on screen as in the PDFs.  Every label and
 * document that builds a sentence from values does it through here.
 *
 * A sentence that begins with a value also begins with a mark of the
 * user's direction of writing (U+200E or U+200F, not drawn either), so
 * that its line is laid out as the window is and not as the value is. */

#define FSI "\u2068"
#define PDI "\u2069"
#define LRM "\u200e"
#define RLM "\u200f"

/* Whether the sentence @format makes begins with one of its values.
 * Pango takes the direction of a whole line from its first letter,
 * isolated or not, so a line that starts with an Arabic name is laid out
 * right to left in a Swedish window.  A piece that starts with a space
 * or a sign is the middle of a sentence, not its beginning. */
static gboolean
starts_with_value (const char *format)
{
  return format[0] == '%' && format[1] != '%';
}

/* The mark of the user's own direction of writing, as GTK decides it:
 * from its own translation of "default:LTR".  Core knows nothing of
 * GTK; the catalogue is only read. */
static const char *
locale_direction_mark (void)
{
  const char *direction = g_dgettext ("gtk40", "default:LTR");

  return g_strcmp0 (direction, "default:RTL") == 0 ? RLM : LRM;
}

/**
 * ls_bidi_isolate:
 * @value: (nullable): a value put into a sentence: a name, a number
 *
 * Returns: (transfer full): @value between the isolates, or an empty
 *   string
 */
char *
ls_bidi_isolate (const char *value)
{
  if (value == NULL || *value == '\0')
    return g_strdup ("");
  return g_strconcat (FSI, value, PDI, NULL);
}

/**
 * ls_bidi_format:
 * @format: a format of "%s" conversions only, translated or not, with
 *   "%1$s" for a translation that reorders them, and "%%"
 * @...: the strings, %NULL-terminated (a %NULL among them is not
 *   allowed: pass "")
 *
 * Like g_strdup_printf() for sentences made of values, each isolated.
 *
 * Returns: (transfer full): the sentence
 */
char *
ls_bidi_format (const char *format, ...)
{
  va_list args;
  char *sentence;

  va_start (args, format);
  sentence = ls_bidi_format_valist (format, args);
  va_end (args);
  return sentence;
}

/**
 * ls_bidi_format_valist:
 * @format: as for ls_bidi_format()
 * @args: the strings, %NULL-terminated
 *
 * Returns: (transfer full): the sentence
 */
char *
ls_bidi_format_valist (const char *format, va_list args)
{
  g_autoptr (GPtrArray) values = g_ptr_array_new ();
  GString *out;
  guint next = 0;
  const char *value;

  g_return_val_if_fail (format != NULL, NULL);

  while ((value = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (values, (gpointer) value);

  out = g_string_sized_new (strlen (format) + 32);
  if (starts_with_value (format))
    g_string_append (out, locale_direction_mark ());
  for (const char *p = format; *p != '\0'; p++)
    {
      guint index;
      char *end;

      if (*p != '%')
        {
          g_string_append_c (out, *p);
          continue;
        }
      if (p[1] == '%')
        {
          g_string_append_c (out, '%');
          p++;
          continue;
        }
      index = next++;
      end = (char *) p + 1;
      if (g_ascii_isdigit (p[1]))
        {
          guint64 position = g_ascii_strtoull (p + 1, &end, 10);

          if (*end == '$' && position > 0)
            {
              index = (guint) position - 1;
              end++;
            }
          else
            end = (char *) p + 1;
        }
      g_return_val_if_fail (*end == 's', g_string_free (out, FALSE));
      g_return_val_if_fail (index < values->len, g_string_free (out, FALSE));
      g_string_append (out, FSI);
      g_string_append (out, values->pdata[index]);
      g_string_append (out, PDI);
      p = end;
    }
  return g_string_free (out, FALSE);
}
