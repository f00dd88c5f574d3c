// EmbeddedImages: the one image of a scanned page, through poppler-glib and cairo, or straight
// from its JPEG stream (qpdf finds it, libjpeg decodes it).
#include "indexer/ocr/embedded_image.h"

#include <cairo.h>
#include <glib.h>
#include <poppler.h>

// qpdf 11: this code uses std::shared_ptr only, never the old PointerHolder.
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "indexer/ocr/jpeg_image.h"

namespace luutru::indexer {
namespace {

// A page is one image when its largest image covers this share of the page and every other
// image is small (e-signature seals and logos over a scan are 0.2-1 % of the page).
constexpr double kMinCover = 0.85;
constexpr double kMaxOtherImage = 0.05;
constexpr double kMaxOtherImages = 0.10;
// The image, mirrored the right way, must match a coarse rendering of the page: a mean grey
// difference (0-255) and a share of pixels that are dark on the page but light in the image
// (darker by kInkStep) at most these: above what the real scans give in their right orientation
// (bench/ocr/README.md), below what a large drawing over the scan (something the image lacks)
// gives. The orientation itself is the one that matches best.
constexpr double kThumbDpi = 18;
constexpr int kThumbSamples = 2;
constexpr double kMaxThumbDifference = 30;
constexpr int kInkStep = 96;
constexpr double kMaxMissingInk = 0.04;

struct Unref {
  void operator()(PopplerPage* p) const { g_object_unref(p); }
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
using PagePtr = std::unique_ptr<PopplerPage, Unref>;
using SurfacePtr = std::unique_ptr<cairo_surface_t, Unref>;

struct Rect {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double width() const { return x1 - x0; }
  double height() const { return y1 - y0; }
  double area() const { return std::max(0.0, width()) * std::max(0.0, height()); }
  Rect Clip(double w, double h) const {
    return {std::clamp(x0, 0.0, w), std::clamp(y0, 0.0, h), std::clamp(x1, 0.0, w), std::clamp(y1, 0.0, h)};
  }
};

// A cairo image surface in grey, composited over white paper, with Poppler's own RGB to grey
// weights (0.3, 0.59, 0.11), as its grey renderings use.
GrayImage ToGray(cairo_surface_t* surface) {
  cairo_surface_flush(surface);
  const cairo_format_t format = cairo_image_surface_get_format(surface);
  GrayImage out;
  out.width = cairo_image_surface_get_width(surface);
  out.height = cairo_image_surface_get_height(surface);
  out.pixels.resize(static_cast<size_t>(out.width) * out.height);
  const unsigned char* data = cairo_image_surface_get_data(surface);
  const int stride = cairo_image_surface_get_stride(surface);
  const bool alpha = format == CAIRO_FORMAT_ARGB32;
  for (int y = 0; y < out.height; ++y) {
    const auto* row = reinterpret_cast<const std::uint32_t*>(data + static_cast<size_t>(y) * stride);
    std::uint8_t* dst = out.pixels.data() + static_cast<size_t>(y) * out.width;
    for (int x = 0; x < out.width; ++x) {
      const std::uint32_t p = row[x];
      // Premultiplied: the colour already carries alpha, white shows through the rest.
      const unsigned paper = alpha ? 255 - (p >> 24) : 0;
      const unsigned r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;
      const unsigned grey = (r * 19661 + g * 38666 + b * 7209 + 32768) >> 16;
      dst[x] = static_cast<std::uint8_t>(std::min(255u, grey + paper));
    }
  }
  return out;
}

// A JPEG's width and height are 16-bit numbers.
constexpr long long kMaxJpegSide = 65535;

// A positive integer entry of a PDF dictionary; 0 when absent or anything else.
long long PositiveInt(QPDFObjectHandle dict, const char* key) {
  QPDFObjectHandle v = dict.getKey(key);
  if (!v.isInteger()) return 0;
  return std::max(0LL, v.getIntValue());
}

// The number of components of an image colour space libjpeg's grey output reads the same way
// Poppler does: DeviceGray, DeviceRGB or ICCBased with N 1 or 3; 0 for any other.
int PlainComponents(QPDFObjectHandle space) {
  if (space.isNameAndEquals("/DeviceGray")) return 1;
  if (space.isNameAndEquals("/DeviceRGB")) return 3;
  if (space.isArray() && space.getArrayNItems() == 2 && space.getArrayItem(0).isNameAndEquals("/ICCBased") &&
      space.getArrayItem(1).isStream()) {
    const long long n = PositiveInt(space.getArrayItem(1).getDict(), "/N");
    if (n == 1 || n == 3) return static_cast<int>(n);
  }
  return 0;
}

// The page's largest image (by pixels) decoded from its JPEG stream, when the largest is
// unambiguous (every other image the page draws has at most half its pixels) and is a plain
// JPEG: /DCTDecode alone, 8 bits, a plain colour space, no /Decode, mask or soft mask. Anything
// else, or a stream libjpeg does not read cleanly, gives nothing.
std::optional<GrayImage> LargestImageAsJpeg(const std::filesystem::path& pdf, int index) {
  try {
    QPDF qpdf;
    qpdf.setSuppressWarnings(true);
    qpdf.processFile(pdf.string().c_str());
    std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(qpdf).getAllPages();
    if (index < 0 || static_cast<size_t>(index) >= pages.size()) return std::nullopt;
    QPDFPageObjectHelper& page = pages[static_cast<size_t>(index)];
    // Only the images its content draws: a resource dictionary shared by every page of a file
    // names every page's scan. The change stays in memory.
    page.removeUnreferencedResources();
    QPDFObjectHandle largest;
    long long most = 0, second = 0;
    std::set<QPDFObjGen> seen;
    // Recursive: scans are sometimes wrapped in a form XObject.
    page.forEachImage(true, [&](QPDFObjectHandle& image, QPDFObjectHandle&, const std::string&) {
      if (!seen.insert(image.getObjGen()).second) return;
      QPDFObjectHandle dict = image.getDict();
      // Capped at JPEG's largest side, so that the product cannot overflow.
      const long long pixels =
          std::min(PositiveInt(dict, "/Width"), kMaxJpegSide) * std::min(PositiveInt(dict, "/Height"), kMaxJpegSide);
      if (pixels > most) {
        second = most;
        most = pixels;
        largest = image;
      } else {
        second = std::max(second, pixels);
      }
    });
    if (most == 0 || second * 2 > most) return std::nullopt;

    QPDFObjectHandle dict = largest.getDict();
    QPDFObjectHandle filter = dict.getKey("/Filter");
    if (filter.isArray() && filter.getArrayNItems() == 1) filter = filter.getArrayItem(0);
    QPDFObjectHandle parms = dict.getKey("/DecodeParms");
    if (parms.isArray() && parms.getArrayNItems() == 1) parms = parms.getArrayItem(0);
    const bool plain = filter.isNameAndEquals("/DCTDecode") && PositiveInt(dict, "/BitsPerComponent") == 8 &&
                       !dict.hasKey("/Decode") && !dict.hasKey("/SMask") && !dict.hasKey("/Mask") &&
                       !(dict.getKey("/ImageMask").isBool() && dict.getKey("/ImageMask").getBoolValue()) &&
                       // /ColorTransform overrides how libjpeg reads three components
                       !(parms.isDictionary() && parms.hasKey("/ColorTransform"));
    const int components = PlainComponents(dict.getKey("/ColorSpace"));
    const long long width = PositiveInt(dict, "/Width"), height = PositiveInt(dict, "/Height");
    if (!plain || components == 0 || width > kMaxJpegSide || height > kMaxJpegSide) {
      return std::nullopt;
    }
    const std::shared_ptr<Buffer> data = largest.getRawStreamData();
    return DecodeJpegGray(data->getBuffer(), data->getSize(),
                          {static_cast<int>(width), static_cast<int>(height), components});
  } catch (const std::exception&) {
    return std::nullopt;  // qpdf cannot read it: poppler-glib may still draw it
  }
}

// How image pixels map to the page as displayed: mirrored left-right, top-bottom, or both (a
// half turn). poppler-glib gives an image turned a quarter (by its matrix or by /Rotate 90) an
// empty box, so such pages never get here and are rendered instead.
struct Orientation {
  bool flip_x = false, flip_y = false;
};

// The image averaged over cells of `cell` x `cell` pixels.
GrayImage Shrink(const GrayImage& image, int cell) {
  GrayImage out;
  out.width = std::max(1, image.width / cell);
  out.height = std::max(1, image.height / cell);
  std::vector<std::uint32_t> sums(static_cast<size_t>(out.width) * out.height, 0);
  for (int y = 0; y < out.height * cell && y < image.height; ++y) {
    const std::uint8_t* row = image.pixels.data() + static_cast<size_t>(y) * image.width;
    std::uint32_t* dst = sums.data() + static_cast<size_t>(y / cell) * out.width;
    for (int x = 0; x < out.width * cell && x < image.width; ++x) dst[x / cell] += row[x];
  }
  out.pixels.resize(sums.size());
  const std::uint32_t n = static_cast<std::uint32_t>(cell) * cell;
  for (size_t i = 0; i < sums.size(); ++i) out.pixels[i] = static_cast<std::uint8_t>(sums[i] / n);
  return out;
}

// How well the image thumbnail, placed on `area` with orientation `o`, matches the page
// thumbnail (at `scale` pixels per point), over the thumbnail pixels inside the area.
struct Match {
  double difference = 255;  // mean grey difference, 0-255
  double missing_ink = 1;   // share of pixels dark on the page but light in the image
};
Match Compare(const GrayImage& page, double scale, const GrayImage& image, const Rect& area, Orientation o) {
  double sum = 0;
  long count = 0, missing = 0;
  for (int v = 0; v < page.height; ++v) {
    const double b = ((v + 0.5) / scale - area.y0) / area.height();
    if (b < 0 || b >= 1) continue;
    for (int u = 0; u < page.width; ++u) {
      const double a = ((u + 0.5) / scale - area.x0) / area.width();
      if (a < 0 || a >= 1) continue;
      const double p = o.flip_x ? 1 - a : a, q = o.flip_y ? 1 - b : b;
      const int x = std::min(image.width - 1, static_cast<int>(p * image.width));
      const int y = std::min(image.height - 1, static_cast<int>(q * image.height));
      const int d = static_cast<int>(page.at(u, v)) - static_cast<int>(image.at(x, y));
      sum += std::abs(d);
      missing += d < -kInkStep;
      ++count;
    }
  }
  if (!count) return {};
  return {sum / count, static_cast<double>(missing) / count};
}

// The image mirrored by `o` into the page's orientation.
GrayImage Orient(GrayImage image, Orientation o) {
  if (!o.flip_x && !o.flip_y) return image;
  GrayImage out;
  out.width = image.width;
  out.height = image.height;
  out.pixels.resize(image.pixels.size());
  for (int y = 0; y < out.height; ++y) {
    const int sy = o.flip_y ? image.height - 1 - y : y;
    const std::uint8_t* src = image.pixels.data() + static_cast<size_t>(sy) * image.width;
    std::uint8_t* dst = out.pixels.data() + static_cast<size_t>(y) * out.width;
    if (o.flip_x) {
      std::reverse_copy(src, src + image.width, dst);
    } else {
      std::copy(src, src + image.width, dst);
    }
  }
  return out;
}

}  // namespace

EmbeddedImages::EmbeddedImages(const std::filesystem::path& pdf) : path_(pdf) {
  GError* error = nullptr;
  gchar* uri = g_filename_to_uri(std::filesystem::absolute(pdf).c_str(), nullptr, &error);
  if (uri) {
    doc_ = poppler_document_new_from_file(uri, nullptr, &error);
    g_free(uri);
  }
  if (!doc_) {
    const std::string reason = error ? error->message : "unknown error";
    if (error) g_error_free(error);
    throw std::runtime_error(pdf.string() + ": poppler-glib cannot open it: " + reason);
  }
}

EmbeddedImages::~EmbeddedImages() { g_object_unref(doc_); }

std::optional<EmbeddedPageImage> EmbeddedImages::FullPageImage(int index, const poppler::page& page_view,
                                                               EmbeddedImageOptions options) const {
  if (index < 0 || index >= poppler_document_get_n_pages(doc_)) return std::nullopt;
  PagePtr page(poppler_document_get_page(doc_, index));
  if (!page) return std::nullopt;
  double page_width = 0, page_height = 0;
  poppler_page_get_size(page.get(), &page_width, &page_height);  // as displayed (/Rotate)
  const double page_area = page_width * page_height;
  if (page_area <= 0) return std::nullopt;

  // The largest image, and whether the others are small enough to leave out.
  GList* mapping = poppler_page_get_image_mapping(page.get());
  int id = -1;
  Rect area;
  double largest = 0, others = 0, largest_other = 0;
  for (GList* l = mapping; l; l = l->next) {
    const auto* m = static_cast<const PopplerImageMapping*>(l->data);
    const Rect r{std::min(m->area.x1, m->area.x2), std::min(m->area.y1, m->area.y2), std::max(m->area.x1, m->area.x2),
                 std::max(m->area.y1, m->area.y2)};
    const double covered = r.Clip(page_width, page_height).area();
    if (covered > largest) {
      others += largest;
      largest_other = std::max(largest_other, largest);
      largest = covered;
      area = r;
      id = m->image_id;
    } else {
      others += covered;
      largest_other = std::max(largest_other, covered);
    }
  }
  poppler_page_free_image_mapping(mapping);
  if (id < 0 || largest < kMinCover * page_area || others > kMaxOtherImages * page_area ||
      largest_other > kMaxOtherImage * page_area) {
    return std::nullopt;
  }

  // A scan is drawn at its own proportions; then a comparison with a coarse rendering of the page
  // tells which mirroring (or half turn) of it is displayed, and that nothing covers it. The
  // JPEG found by qpdf is the image poppler-glib chose only if it has the same proportions; the
  // comparison rejects one that is not.
  auto drawn_as_is = [&area](const GrayImage& image) {
    return image.width >= 2 && image.height >= 2 &&
           std::abs(std::log((static_cast<double>(image.width) / image.height) / (area.width() / area.height()))) <=
               0.05;
  };
  std::optional<GrayImage> jpeg;
  if (options.decode_jpeg) jpeg = LargestImageAsJpeg(path_, index);
  const bool decoded_jpeg = jpeg && drawn_as_is(*jpeg);
  GrayImage image;
  if (decoded_jpeg) {
    image = std::move(*jpeg);
  } else {
    jpeg.reset();
    SurfacePtr surface(poppler_page_get_image(page.get(), id));
    if (!surface || cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS ||
        cairo_surface_get_type(surface.get()) != CAIRO_SURFACE_TYPE_IMAGE) {
      return std::nullopt;
    }
    image = ToGray(surface.get());
  }
  if (!drawn_as_is(image)) return std::nullopt;
  // Splash draws the thumbnail in about half the time cairo takes (poppler_page_render), but
  // samples a bilevel scan rather than averaging it: drawn finer, then averaged.
  const GrayImage page_thumb = Shrink(RenderGray(page_view, kThumbDpi * kThumbSamples), kThumbSamples);
  const double scale = page_thumb.width / page_width;
  const int cell = std::max(1, static_cast<int>(std::lround(image.width / (area.width() * scale))));
  const GrayImage image_thumb = Shrink(image, cell);
  Orientation best;
  Match best_match;
  for (const int flips : {0, 1, 2, 3}) {
    const Orientation o{(flips & 1) != 0, (flips & 2) != 0};
    const Match m = Compare(page_thumb, scale, image_thumb, area, o);
    if (m.difference < best_match.difference) {
      best_match = m;
      best = o;
    }
  }
  if (best_match.difference > kMaxThumbDifference || best_match.missing_ink > kMaxMissingInk) {
    return std::nullopt;
  }

  EmbeddedPageImage result;
  result.decoded_jpeg = decoded_jpeg;
  result.image = Orient(std::move(image), best);
  result.left = area.x0;
  result.top = area.y0;
  result.points_per_pixel_x = area.width() / result.image.width;
  result.points_per_pixel_y = area.height() / result.image.height;
  result.image.dpi = 72 / std::sqrt(result.points_per_pixel_x * result.points_per_pixel_y);
  return result;
}

}  // namespace luutru::indexer
