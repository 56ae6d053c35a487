#include "plot/canvas.hpp"

#include <cmath>
#include <cstdio>

#include "lina/plot/svg.hpp"

namespace lina::plot::detail {

double text_width(std::string_view text, double size) {
  // Advance widths of DejaVu Sans in em: digits 0.636, most lower case ~0.6, upper case
  // ~0.7, narrow letters and punctuation ~0.3. Multi-byte UTF-8 counts once.
  double em = 0;
  for (unsigned char c : text) {
    if ((c & 0xc0) == 0x80) continue;
    if (c >= '0' && c <= '9') em += 0.636;
    else if (c == 'i' || c == 'l' || c == 'j' || c == '.' || c == ',' || c == ':' || c == ';' || c == '\'' ||
             c == '!' || c == '|')
      em += 0.3;
    else if (c == ' ' || c == 'f' || c == 't' || c == 'r' || c == '(' || c == ')' || c == '[' || c == ']' ||
             c == '-')
      em += 0.38;
    else if (c == 'm' || c == 'w' || c == 'M' || c == 'W') em += 0.92;
    else if (c >= 'A' && c <= 'Z') em += 0.7;
    else em += 0.6;
  }
  return em * size;
}

std::string num(double v) {
  if (!std::isfinite(v)) v = 0;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  std::string s = buf;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  if (s == "-0") s = "0";
  return s;
}

namespace {
std::string dasharray(const std::string& dash, double width) {
  const double w = std::max(width, 1.0);
  if (dash == "--") return num(3.7 * w) + "," + num(1.6 * w);
  if (dash == ":") return num(1 * w) + "," + num(1.65 * w);
  if (dash == "-.") return num(6.4 * w) + "," + num(1.6 * w) + "," + num(1 * w) + "," + num(1.6 * w);
  return "";
}

std::string points_attr(const std::vector<Point>& pts) {
  std::string s;
  s.reserve(pts.size() * 14);
  for (const Point& p : pts) {
    if (!s.empty()) s += ' ';
    s += num(p.x);
    s += ',';
    s += num(p.y);
  }
  return s;
}
}  // namespace

Canvas::Canvas(double width, double height) : width_(width), height_(height) {}

std::string Canvas::next_id(const char* prefix) { return std::string(prefix) + std::to_string(++ids_); }

void Canvas::stroke_attrs(const Stroke& s) {
  body_ += " stroke=\"" + s.color.to_hex() + "\" stroke-width=\"" + num(s.width) + "\"";
  const std::string d = dasharray(s.dash, s.width);
  if (!d.empty()) body_ += " stroke-dasharray=\"" + d + "\"";
  if (s.opacity < 1) body_ += " stroke-opacity=\"" + num(s.opacity) + "\"";
  body_ += " stroke-linejoin=\"round\" stroke-linecap=\"round\"";
}

void Canvas::rect(const Box& b, const std::string& fill, const Stroke* stroke, double opacity) {
  body_ += "<rect x=\"" + num(b.x) + "\" y=\"" + num(b.y) + "\" width=\"" + num(b.w) + "\" height=\"" +
           num(b.h) + "\"";
  if (stroke) {
    stroke_attrs(*stroke);
  }
  body_ += " fill=\"" + fill + "\"";
  if (opacity < 1) body_ += " fill-opacity=\"" + num(opacity) + "\"";
  body_ += "/>\n";
}

void Canvas::line(Point a, Point b, const Stroke& s) {
  body_ += "<line x1=\"" + num(a.x) + "\" y1=\"" + num(a.y) + "\" x2=\"" + num(b.x) + "\" y2=\"" + num(b.y) + "\"";
  stroke_attrs(s);
  body_ += " fill=\"none\"/>\n";
}

void Canvas::polyline(const std::vector<Point>& pts, const Stroke& s) {
  if (pts.size() < 2) return;
  body_ += "<polyline points=\"" + points_attr(pts) + "\"";
  stroke_attrs(s);
  body_ += " fill=\"none\"/>\n";
}

void Canvas::polygon(const std::vector<Point>& pts, const std::string& fill, const Stroke* stroke, double opacity) {
  if (pts.size() < 3) return;
  body_ += "<polygon points=\"" + points_attr(pts) + "\"";
  if (stroke) {
    stroke_attrs(*stroke);
  }
  body_ += " fill=\"" + fill + "\"";
  if (opacity < 1) body_ += " fill-opacity=\"" + num(opacity) + "\"";
  body_ += "/>\n";
}

void Canvas::loops(const std::vector<std::vector<Point>>& loops, const std::string& fill, double opacity) {
  std::string d;
  for (const auto& loop : loops) {
    if (loop.size() < 3) continue;
    d += 'M';
    for (std::size_t i = 0; i < loop.size(); ++i) {
      if (i) d += 'L';
      d += num(loop[i].x);
      d += ',';
      d += num(loop[i].y);
    }
    d += 'Z';
  }
  if (d.empty()) return;
  body_ += "<path d=\"" + d + "\" fill=\"" + fill + "\" fill-rule=\"evenodd\"";
  if (opacity < 1) body_ += " fill-opacity=\"" + num(opacity) + "\"";
  body_ += "/>\n";
}

void Canvas::circle(Point c, double r, const std::string& fill, const Stroke* stroke, double opacity) {
  body_ += "<circle cx=\"" + num(c.x) + "\" cy=\"" + num(c.y) + "\" r=\"" + num(r) + "\"";
  if (stroke) {
    stroke_attrs(*stroke);
  }
  body_ += " fill=\"" + fill + "\"";
  if (opacity < 1) body_ += " fill-opacity=\"" + num(opacity) + "\"";
  body_ += "/>\n";
}

void Canvas::text(Point at, std::string_view text, const TextStyle& style) {
  // Glyphs are placed on the baseline; shift by hand rather than through
  // dominant-baseline, which renderers implement unevenly.
  double shift = 0;
  if (style.baseline == "middle") shift = 0.35 * style.size;
  else if (style.baseline == "hanging") shift = 0.75 * style.size;
  std::string attrs = " x=\"" + num(at.x) + "\" y=\"" + num(at.y + shift) + "\" font-size=\"" + num(style.size) +
                      "\" text-anchor=\"" + xml_escape(style.anchor) + "\"";
  if (style.bold) attrs += " font-weight=\"bold\"";
  if (style.rotate != 0)
    attrs += " transform=\"rotate(" + num(style.rotate) + " " + num(at.x) + " " + num(at.y) + ")\"";
  std::string content;
  // "10^k" with an integer k (log-axis labels) gets a raised exponent; other text that
  // merely starts with "10^" is written as it is.
  const std::string_view exponent = text.size() > 3 && text.substr(0, 3) == "10^" ? text.substr(3) : "";
  const std::string_view digits = !exponent.empty() && exponent[0] == '-' ? exponent.substr(1) : exponent;
  const bool is_power = !digits.empty() && digits.find_first_not_of("0123456789") == std::string_view::npos;
  if (is_power) {
    content = "10<tspan dy=\"" + num(-0.45 * style.size) + "\" font-size=\"" + num(0.72 * style.size) + "\">" +
              xml_escape(text.substr(3)) + "</tspan>";
  } else {
    content = xml_escape(text);
  }
  if (style.halo)
    body_ += "<text" + attrs + " fill=\"none\" stroke=\"#ffffff\" stroke-width=\"" + num(style.size * 0.3) +
             "\" stroke-linejoin=\"round\">" + content + "</text>\n";
  body_ += "<text" + attrs + " fill=\"" + style.color.to_hex() + "\">" + content + "</text>\n";
}

std::string Canvas::clip(const Box& b) {
  const std::string id = next_id("clip");
  defs_ += "<clipPath id=\"" + id + "\"><rect x=\"" + num(b.x) + "\" y=\"" + num(b.y) + "\" width=\"" +
           num(b.w) + "\" height=\"" + num(b.h) + "\"/></clipPath>\n";
  return id;
}

void Canvas::begin_group(const std::string& clip_id) {
  body_ += clip_id.empty() ? "<g>\n" : "<g clip-path=\"url(#" + clip_id + ")\">\n";
}

void Canvas::end_group() { body_ += "</g>\n"; }

std::string Canvas::vertical_gradient(const std::vector<Color>& colors) {
  const std::string id = next_id("grad");
  defs_ += "<linearGradient id=\"" + id + "\" x1=\"0\" y1=\"1\" x2=\"0\" y2=\"0\">\n";
  for (std::size_t i = 0; i < colors.size(); ++i) {
    const double offset = colors.size() > 1 ? static_cast<double>(i) / static_cast<double>(colors.size() - 1) : 0;
    defs_ += "<stop offset=\"" + num(offset) + "\" stop-color=\"" + colors[i].to_hex() + "\"/>\n";
  }
  defs_ += "</linearGradient>\n";
  return id;
}

void Canvas::comment(std::string_view text) {
  std::string safe = xml_escape(text);
  // "--" may not appear inside an XML comment.
  for (std::size_t p; (p = safe.find("--")) != std::string::npos;) safe.replace(p, 2, "- ");
  body_ += "<!-- " + safe + " -->\n";
}

std::string Canvas::finish() const {
  std::string out;
  out.reserve(body_.size() + defs_.size() + 512);
  out += "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n";
  out += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" + num(width_) + "\" height=\"" +
         num(height_) + "\" viewBox=\"0 0 " + num(width_) + " " + num(height_) + "\"" +
         " font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">\n";
  out += "<!-- Written by lina::plot -->\n";
  if (!defs_.empty()) out += "<defs>\n" + defs_ + "</defs>\n";
  out += "<rect x=\"0\" y=\"0\" width=\"" + num(width_) + "\" height=\"" + num(height_) + "\" fill=\"#ffffff\"/>\n";
  out += body_;
  out += "</svg>\n";
  return out;
}

}  // namespace lina::plot::detail
