#include "app/app_window.hpp"

#include <glad/gl.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <utility>

#include "ui/theme.hpp"

namespace facilita {

// GLFW callbacks: route to the window's ImGui context, then queue what the app needs.
struct WindowCallbacks {
  static AppWindow& of(GLFWwindow* w) { return *static_cast<AppWindow*>(glfwGetWindowUserPointer(w)); }

  struct ContextScope {  // the window's ImGui context for the duration of a callback
    explicit ContextScope(AppWindow& w) : previous(ImGui::GetCurrentContext()) { ImGui::SetCurrentContext(w.imgui_); }
    ~ContextScope() { ImGui::SetCurrentContext(previous); }
    ImGuiContext* previous;
  };

  static void key(GLFWwindow* w, int key, int scancode, int action, int mods) {
    AppWindow& self = of(w);
    ContextScope scope(self);
    ImGui_ImplGlfw_KeyCallback(w, key, scancode, action, mods);
    if (action != GLFW_RELEASE) self.keys_.push_back(ui::KeyInput{key, mods, 0});
    self.dirty_ = true;
  }
  static void character(GLFWwindow* w, unsigned int c) {
    AppWindow& self = of(w);
    ContextScope scope(self);
    ImGui_ImplGlfw_CharCallback(w, c);
    self.keys_.push_back(ui::KeyInput{0, 0, c});
    self.dirty_ = true;
  }
  static void mouse_button(GLFWwindow* w, int button, int action, int mods) {
    AppWindow& self = of(w);
    ContextScope scope(self);
    ImGui_ImplGlfw_MouseButtonCallback(w, button, action, mods);
    self.dirty_ = true;
  }
  static void scroll(GLFWwindow* w, double dx, double dy) {
    AppWindow& self = of(w);
    ContextScope scope(self);
    ImGui_ImplGlfw_ScrollCallback(w, dx, dy);
    self.dirty_ = true;
  }
  static void focus(GLFWwindow* w, int focused) {
    AppWindow& self = of(w);
    ContextScope scope(self);
    ImGui_ImplGlfw_WindowFocusCallback(w, focused);
    self.dirty_ = true;
  }
  static void cursor_enter(GLFWwindow* w, int entered) {
    AppWindow& self = of(w);
    ContextScope scope(self);
    ImGui_ImplGlfw_CursorEnterCallback(w, entered);
    self.dirty_ = true;
  }
  static void cursor_pos(GLFWwindow* w, double, double) { of(w).dirty_ = true; }
  static void refresh(GLFWwindow* w) { of(w).dirty_ = true; }
  static void size(GLFWwindow* w, int, int) { of(w).dirty_ = true; }

  static void install(GLFWwindow* w) {
    glfwSetKeyCallback(w, key);
    glfwSetCharCallback(w, character);
    glfwSetMouseButtonCallback(w, mouse_button);
    glfwSetScrollCallback(w, scroll);
    glfwSetWindowFocusCallback(w, focus);
    glfwSetCursorEnterCallback(w, cursor_enter);
    glfwSetCursorPosCallback(w, cursor_pos);
    glfwSetWindowRefreshCallback(w, refresh);
    glfwSetFramebufferSizeCallback(w, size);
  }
};

AppWindow::AppWindow(WindowRole role, const std::string& title, const WindowPlacement& placement, bool visible)
    : role_(role), windowed_(placement) {
  glfwDefaultWindowHints();
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
  glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
  int width = placement.valid() ? placement.width : (role == WindowRole::Console ? 1280 : 1024);
  int height = placement.valid() ? placement.height : (role == WindowRole::Console ? 760 : 576);
  window_ = glfwCreateWindow(width, height, title.c_str(), nullptr, nullptr);
  if (!window_) return;
  if (placement.valid() && placement_on_screen(placement)) glfwSetWindowPos(window_, placement.x, placement.y);
  glfwSetWindowUserPointer(window_, this);
  glfwMakeContextCurrent(window_);
  glfwSwapInterval(1);  // vsync: never more frames than the screen shows
  gladLoadGL(glfwGetProcAddress);

  ImGuiContext* previous = ImGui::GetCurrentContext();
  imgui_ = ImGui::CreateContext();
  ImGui::SetCurrentContext(imgui_);
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // layout is code; window placement is saved by the app
  io.LogFilename = nullptr;
  ui::set_current_fonts(&fonts_);
  ui::theme::apply_console_style();
  ImGui_ImplGlfw_InitForOpenGL(window_, /*install_callbacks=*/false);
  ImGui_ImplOpenGL3_Init("#version 330");
  WindowCallbacks::install(window_);
  if (previous) ImGui::SetCurrentContext(previous);
  if (visible) glfwShowWindow(window_);
}

AppWindow::~AppWindow() {
  if (!window_) return;
  glfwMakeContextCurrent(window_);
  ImGuiContext* previous = ImGui::GetCurrentContext();
  ImGui::SetCurrentContext(imgui_);
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext(imgui_);
  ImGui::SetCurrentContext(previous == imgui_ ? nullptr : previous);
  glfwDestroyWindow(window_);
}

std::vector<ui::KeyInput> AppWindow::take_keys() { return std::exchange(keys_, {}); }
bool AppWindow::take_dirty() { return std::exchange(dirty_, false); }
bool AppWindow::close_requested() const { return glfwWindowShouldClose(window_) != 0; }
void AppWindow::clear_close_request() { glfwSetWindowShouldClose(window_, GLFW_FALSE); }
bool AppWindow::focused() const { return glfwGetWindowAttrib(window_, GLFW_FOCUSED) != 0; }
bool AppWindow::visible() const { return glfwGetWindowAttrib(window_, GLFW_VISIBLE) != 0; }
void AppWindow::set_title(const std::string& title) { glfwSetWindowTitle(window_, title.c_str()); }

void AppWindow::set_visible(bool visible) {
  if (visible) glfwShowWindow(window_);
  else glfwHideWindow(window_);
  dirty_ = true;
}

WindowPlacement AppWindow::placement() const {
  if (glfwGetWindowMonitor(window_)) {
    WindowPlacement p = windowed_;
    p.fullscreen = true;
    return p;
  }
  WindowPlacement p;
  glfwGetWindowPos(window_, &p.x, &p.y);
  glfwGetWindowSize(window_, &p.width, &p.height);
  return p;
}

void AppWindow::set_fullscreen_on(GLFWmonitor* monitor) {
  if (!monitor || glfwGetWindowMonitor(window_)) return;
  windowed_ = placement();
  const GLFWvidmode* mode = glfwGetVideoMode(monitor);
  if (!mode) return;  // a monitor being reconfigured; the next monitor event retries
  glfwSetWindowMonitor(window_, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
  dirty_ = true;
}

void AppWindow::toggle_fullscreen() {
  if (glfwGetWindowMonitor(window_)) {
    WindowPlacement p = windowed_.valid() ? windowed_ : WindowPlacement{80, 80, 1280, 720, false};
    glfwSetWindowMonitor(window_, nullptr, p.x, p.y, p.width, p.height, 0);
    dirty_ = true;
    return;
  }
  // The monitor holding the window's centre.
  WindowPlacement p = placement();
  int count = 0;
  GLFWmonitor** monitors = glfwGetMonitors(&count);
  GLFWmonitor* target = glfwGetPrimaryMonitor();
  for (int i = 0; i < count; ++i) {
    int mx, my, mw, mh;
    glfwGetMonitorWorkarea(monitors[i], &mx, &my, &mw, &mh);
    int cx = p.x + p.width / 2, cy = p.y + p.height / 2;
    if (cx >= mx && cx < mx + mw && cy >= my && cy < my + mh) target = monitors[i];
  }
  set_fullscreen_on(target);
}

void AppWindow::set_presentation_fonts(bool on) {
  if (presentation_fonts_ != on) dirty_ = true;
  presentation_fonts_ = on;
}

void AppWindow::make_current() {
  glfwMakeContextCurrent(window_);
  ImGui::SetCurrentContext(imgui_);
}

void AppWindow::update_fonts(float width, float height) {
  float xscale = 1, yscale = 1;
  glfwGetWindowContentScale(window_, &xscale, &yscale);
  (void)width;
  const ui::FontSizes console = ui::console_font_sizes(height, yscale);
  const bool projector_text = role_ == WindowRole::Projector || presentation_fonts_;
  ui::FontSizes wanted = projector_text ? ui::projector_font_sizes(height) : console;
  if (fonts_built_ && fonts_presentation_ == presentation_fonts_ && !ui::fonts_need_rebuild(fonts_.sizes, wanted))
    return;
  fonts_presentation_ = presentation_fonts_;
  ImGuiIO& io = ImGui::GetIO();
  if (fonts_built_) ImGui_ImplOpenGL3_DestroyFontsTexture();
  ui::build_fonts(*io.Fonts, wanted, fonts_);
  io.FontDefault = fonts_.body;
  if (fonts_built_) ImGui_ImplOpenGL3_CreateFontsTexture();
  fonts_built_ = true;
  // Paddings and spacings follow the text size; in the presentation, widgets
  // keep the console's size while the projector text is drawn at its own.
  const float widget_em = presentation_fonts_ ? console.body : wanted.body;
  io.FontGlobalScale = widget_em / wanted.body;
  ui::theme::apply_console_style();
  ImGui::GetStyle().ScaleAllSizes(std::max(1.0f, widget_em / 16.0f));
}

void AppWindow::frame(int width, int height, const std::function<void()>& draw) {
  update_fonts(static_cast<float>(width), static_cast<float>(height));
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
  ImGui::NewFrame();
  draw();
  ImGui::Render();
}

void AppWindow::render(const std::function<void()>& draw) {
  make_current();
  int width = 0, height = 0;
  glfwGetWindowSize(window_, &width, &height);
  if (width <= 0 || height <= 0) return;  // minimised
  frame(width, height, draw);
  int fb_w = 0, fb_h = 0;
  glfwGetFramebufferSize(window_, &fb_w, &fb_h);
  glViewport(0, 0, fb_w, fb_h);
  glClearColor(0.09f, 0.09f, 0.10f, 1.0f);  // the console background (views draw no full-window fill)
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  glfwSwapBuffers(window_);
}

std::vector<unsigned char> AppWindow::render_offscreen(int width, int height, int frames,
                                                       const std::function<void()>& draw) {
  make_current();
  GLuint fbo = 0, color = 0;
  glGenFramebuffers(1, &fbo);
  glBindFramebuffer(GL_FRAMEBUFFER, fbo);
  glGenRenderbuffers(1, &color);
  glBindRenderbuffer(GL_RENDERBUFFER, color);
  glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, color);
  std::vector<unsigned char> pixels;
  if (glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE) {
    for (int i = 0; i < std::max(1, frames); ++i) {
      frame(width, height, draw);
      ImGui::GetDrawData()->FramebufferScale = ImVec2(1, 1);
      glViewport(0, 0, width, height);
      glClearColor(0.09f, 0.09f, 0.10f, 1.0f);  // the console background (views draw no full-window fill)
      glClear(GL_COLOR_BUFFER_BIT);
      ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    }
    glFinish();
    std::size_t row = static_cast<std::size_t>(width) * 4;
    std::vector<unsigned char> bottom_up(row * static_cast<std::size_t>(height));
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, bottom_up.data());
    pixels.resize(bottom_up.size());
    for (int y = 0; y < height; ++y)
      std::memcpy(&pixels[static_cast<std::size_t>(y) * row],
                  &bottom_up[static_cast<std::size_t>(height - 1 - y) * row], row);
  }
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  glDeleteRenderbuffers(1, &color);
  glDeleteFramebuffers(1, &fbo);
  return pixels;
}

}  // namespace facilita
