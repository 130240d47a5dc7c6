// SPDX-License-Identifier: GPL-3.0-or-later
// libtelar-pdf-raster.so: jobs/pdf_raster.h's function on poppler-cpp. Built as a module
// (CMake MODULE) and loaded by jobs/decode.cc with dlopen; it knows nothing else of telar.
#include <poppler-document.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include <memory>
#include <string>

#include "jobs/pdf_raster.h"

extern "C" __attribute__((visibility("default"))) int telar_rasterise_pdf(const char* path, double dpi,
                                                                          telar_raster_page_fn page,
                                                                          void* user) {
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(std::string(path)));
  if (!doc || doc->is_locked()) return 1;
  poppler::page_renderer renderer;
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_image_format(poppler::image::format_argb32);
  for (int i = 0; i < doc->pages(); ++i) {
    std::unique_ptr<poppler::page> p(doc->create_page(i));
    if (!p) continue;
    poppler::image im = renderer.render_page(p.get(), dpi, dpi);
    if (!im.is_valid()) return 1;
    page(user, reinterpret_cast<const unsigned char*>(im.const_data()), im.width(), im.height(),
         im.bytes_per_row());
  }
  return 0;
}
