/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-error"

#include "config.h"

#include "ls-error.h"

GQuark
ls_error_quark (void)
{
  return g_quark_from_static_string ("ls-error-quark");
}
