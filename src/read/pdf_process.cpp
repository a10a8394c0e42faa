#include "read/pdf_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace citelint::pdf {

namespace {

// The child's side: records to the pipe, a buffer at a time. 'W' a word, 'L' a link, 'E' the
// end (pages, bad pages, the module's error). Numbers as the machine holds them: both ends are
// this binary.
class Sender {
 public:
  explicit Sender(int fd) : fd_(fd) {}
  template <class T>
  void put(const T& v) {
    buffer_.append(reinterpret_cast<const char*>(&v), sizeof v);
  }
  void put_text(const char* s, std::size_t n) {
    put(n);
    buffer_.append(s, n);
    if (buffer_.size() >= (1 << 16)) flush();
  }
  void flush() {
    for (std::size_t at = 0; at < buffer_.size();) {
      const ssize_t n = ::write(fd_, buffer_.data() + at, buffer_.size() - at);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) _exit(3);  // the parent is gone
      at += static_cast<std::size_t>(n);
    }
    buffer_.clear();
  }

 private:
  int fd_;
  std::string buffer_;
};

int send_word(void* context, const citelint_pdf_word* w) {
  auto& s = *static_cast<Sender*>(context);
  s.put('W');
  s.put(w->page);
  for (double d : {w->x0, w->y0, w->x1, w->y1, w->font_size}) s.put(d);
  s.put(w->space_after);
  s.put(w->rotation);
  s.put_text(w->text, w->size);
  return 0;
}

int send_link(void* context, const citelint_pdf_link* l) {
  auto& s = *static_cast<Sender*>(context);
  s.put('L');
  s.put(l->page);
  for (double d : {l->x0, l->y0, l->x1, l->y1}) s.put(d);
  s.put_text(l->uri, l->size);
  return 0;
}

[[noreturn]] void child(citelint_pdf_read_fn read, const std::string& bytes, int fd,
                        const ChildLimits& limits) {
  const rlim_t cpu = static_cast<rlim_t>(limits.wall.count());
  rlimit r{cpu, cpu + 5};
  setrlimit(RLIMIT_CPU, &r);
#if !defined(__SANITIZE_ADDRESS__) && !defined(CITELINT_SANITIZE)
  // Sanitizers reserve terabytes of address space up front: no limit can be set under them.
  if (limits.address_space > 0) {
    rlimit as{limits.address_space, limits.address_space};
    setrlimit(RLIMIT_AS, &as);
  }
#endif
  Sender sender(fd);
  int bad_pages = 0;
  char error[256] = {};
  const int pages = read(bytes.data(), bytes.size(), send_word, send_link, &sender, &bad_pages,
                         error, sizeof error);
  sender.put('E');
  sender.put(pages);
  sender.put(bad_pages);
  sender.put_text(error, std::strlen(error));
  sender.flush();
  _exit(0);  // nothing of the parent's (atexit handlers, buffers) runs twice
}

// The parent's side: the records back into words and links; false when they stop short.
class Receiver {
 public:
  explicit Receiver(const std::string& data) : d_(data) {}
  bool read_all(ModuleRead& out) {
    while (at_ < d_.size()) {
      char tag = 0;
      if (!get(tag)) return false;
      if (tag == 'W') {
        Word w;
        int space = 0, rotation = 0;
        if (!get(w.page) || !get(w.x0) || !get(w.y0) || !get(w.x1) || !get(w.y1) || !get(w.size) ||
            !get(space) || !get(rotation) || !get_text(w.text))
          return false;
        w.space_after = space != 0;
        w.rotated = rotation != 0;
        out.words.push_back(std::move(w));
      } else if (tag == 'L') {
        Link l;
        if (!get(l.page) || !get(l.x0) || !get(l.y0) || !get(l.x1) || !get(l.y1) ||
            !get_text(l.target))
          return false;
        out.links.push_back(std::move(l));
      } else if (tag == 'E') {
        return get(out.pages) && get(out.bad_pages) && get_text(out.error);
      } else {
        return false;
      }
    }
    return false;
  }

 private:
  template <class T>
  bool get(T& v) {
    if (d_.size() - at_ < sizeof v) return false;
    std::memcpy(&v, d_.data() + at_, sizeof v);
    at_ += sizeof v;
    return true;
  }
  bool get_text(std::string& s) {
    std::size_t n = 0;
    if (!get(n) || d_.size() - at_ < n) return false;
    s.assign(d_, at_, n);
    at_ += n;
    return true;
  }
  const std::string& d_;
  std::size_t at_ = 0;
};

// Everything the child sends until it closes the pipe or the deadline passes; false at the
// deadline.
bool drain(int fd, std::chrono::steady_clock::time_point deadline, std::string& out) {
  char chunk[1 << 16];
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    pollfd p{fd, POLLIN, 0};
    const int ready = ::poll(&p, 1, static_cast<int>(std::min<long long>(left.count(), 1000)));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) continue;
    const ssize_t n = ::read(fd, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return true;
    out.append(chunk, static_cast<std::size_t>(n));
  }
}

std::string signal_words(int sig) {
  const char* name = sigabbrev_np(sig);
  return "signal " + std::to_string(sig) + (name ? std::string(", SIG") + name : std::string());
}

}  // namespace

ChildLimits default_limits() {
  ChildLimits limits;
  if (const char* env = std::getenv("CITELINT_PDF_TIMEOUT"); env && std::atoi(env) > 0)
    limits.wall = std::chrono::seconds(std::atoi(env));
  return limits;
}

ModuleRead read_in_child(citelint_pdf_read_fn read, const std::string& bytes,
                         const ChildLimits& limits) {
  ModuleRead out;
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) {
    out.failure = std::string("cannot start the PDF reader: ") + std::strerror(errno);
    return out;
  }
  const pid_t pid = ::fork();
  if (pid < 0) {
    out.failure = std::string("cannot start the PDF reader: ") + std::strerror(errno);
    ::close(fds[0]);
    ::close(fds[1]);
    return out;
  }
  if (pid == 0) {
    ::close(fds[0]);
    child(read, bytes, fds[1], limits);
  }
  ::close(fds[1]);
  std::string data;
  const bool in_time = drain(fds[0], std::chrono::steady_clock::now() + limits.wall, data);
  ::close(fds[0]);
  if (!in_time) ::kill(pid, SIGKILL);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  const bool whole = Receiver(data).read_all(out);
  if (!in_time) {
    out.failure = "poppler took longer than " + std::to_string(limits.wall.count()) +
                  " s to read it and was stopped";
  } else if (WIFSIGNALED(status)) {
    const int sig = WTERMSIG(status);
    out.failure = sig == SIGXCPU ? "poppler used more than its CPU time and was stopped"
                                 : "poppler crashed reading it (" + signal_words(sig) + ")";
  } else if (WIFEXITED(status) && WEXITSTATUS(status) != 0) {
    // A sanitizer's handler (or an exit of poppler's own) ends the child with a status.
    out.failure = "poppler crashed reading it (it exited with status " +
                  std::to_string(WEXITSTATUS(status)) + ")";
  } else if (!whole) {
    out.failure = "poppler stopped before the end of it (out of memory?)";
  }
  if (!out.failure.empty()) out.pages = -1;
  return out;
}

}  // namespace citelint::pdf
