#include "lina/plot/figure.hpp"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "lina/core/errors.hpp"
#include "plot/canvas.hpp"

extern char** environ;

namespace lina::plot {

Figure::Figure(int rows, int cols, double width, double height) : rows_(rows), cols_(cols) {
  if (rows < 1 || rows > 16 || cols < 1 || cols > 16)
    throw ValueError("Figure: " + std::to_string(rows) + " x " + std::to_string(cols) +
                     " panels is not valid; rows and cols must be in 1..16");
  for (double d : {width, height})
    if (!std::isfinite(d) || d < 0 || d > 20000)
      throw ValueError("Figure: a size of " + std::to_string(width) + " x " + std::to_string(height) +
                       " pixels is not valid; width and height must be in (0, 20000], or 0 for the default");
  width_ = width > 0 ? width : 640.0 * cols;
  height_ = height > 0 ? height : 480.0 * rows;
  for (int k = 0; k < rows * cols; ++k) panels_.push_back(std::make_unique<Axes>());
}

Axes& Figure::axes(int row, int col) {
  return const_cast<Axes&>(static_cast<const Figure&>(*this).axes(row, col));
}

const Axes& Figure::axes(int row, int col) const {
  if (row < 0 || row >= rows_ || col < 0 || col >= cols_)
    throw IndexError("Figure::axes: panel (" + std::to_string(row) + ", " + std::to_string(col) +
                     ") is outside the grid of " + std::to_string(rows_) + " x " + std::to_string(cols_) +
                     " panels; valid rows are 0.." + std::to_string(rows_ - 1) + ", columns 0.." +
                     std::to_string(cols_ - 1));
  return *panels_[static_cast<std::size_t>(row * cols_ + col)];
}

std::string Figure::to_svg() const {
  detail::Canvas canvas(width_, height_);
  double top = 0;
  if (!suptitle_.empty()) {
    detail::TextStyle st;
    st.size = 17;
    st.anchor = "middle";
    st.bold = true;
    st.baseline = "hanging";
    canvas.text({width_ / 2, 8}, suptitle_, st);
    top = 32;
  }
  const double cw = width_ / cols_, ch = (height_ - top) / rows_;
  for (int r = 0; r < rows_; ++r)
    for (int c = 0; c < cols_; ++c) {
      canvas.comment("panel " + std::to_string(r) + "," + std::to_string(c));
      axes(r, c).render(canvas, {c * cw, top + r * ch, cw, ch});
    }
  return canvas.finish();
}

void Figure::save_svg(const std::string& path) const {
  const std::string svg = to_svg();
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw IOError("save_svg: cannot open '" + tmp + "' for writing");
    out.write(svg.data(), static_cast<std::streamsize>(svg.size()));
    out.close();
    if (!out) {
      std::remove(tmp.c_str());
      throw IOError("save_svg: writing '" + tmp + "' failed");
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    throw IOError("save_svg: cannot rename '" + tmp + "' to '" + path + "'");
  }
}

namespace {
// The full path of `program` on PATH, or "".
std::string find_on_path(const std::string& program) {
  const char* path = std::getenv("PATH");
  std::stringstream dirs(path ? path : "");
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    const std::string candidate = (dir.empty() ? "." : dir) + "/" + program;
    if (::access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return "";
}
}  // namespace

bool png_supported() { return !find_on_path("rsvg-convert").empty(); }

void Figure::save_png(const std::string& path, int width_px) const {
  if (width_px < 0 || width_px > 20000)
    throw ValueError("save_png: width_px " + std::to_string(width_px) + " is not valid; use 1..20000, or 0 for " +
                     "the figure's width");
  const std::string exe = find_on_path("rsvg-convert");
  if (exe.empty())
    throw IOError("save_png: rsvg-convert was not found on PATH; install librsvg2-bin (Debian) or write SVG "
                  "with save_svg");
  const std::string svg_path = path + ".tmp.svg";
  save_svg(svg_path);
  // Run rsvg-convert directly (no shell), so paths need no quoting.
  std::vector<std::string> args = {exe, "-f", "png", "-o", path};
  if (width_px > 0) args.insert(args.end(), {"-w", std::to_string(width_px)});
  args.push_back(svg_path);
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid;
  const int spawned = posix_spawn(&pid, exe.c_str(), nullptr, nullptr, argv.data(), environ);
  int status = 0;
  const bool ok = spawned == 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0;
  std::remove(svg_path.c_str());
  if (!ok) throw IOError("save_png: rsvg-convert failed to write '" + path + "'");
}

}  // namespace lina::plot
