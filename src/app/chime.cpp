#include "app/chime.hpp"

#include <alsa/asoundlib.h>
#include <portaudio.h>
#ifdef FACILITA_HAS_JACK
#include <jack/jack.h>
#endif

#include <cmath>
#include <algorithm>
#include <iostream>
#include <numbers>

#include "app/cli_text.hpp"

namespace facilita {
namespace {

// ALSA reports a missing card with a dozen lines of its own on stderr; the
// chime says it once, in one line, instead.
void quiet_alsa(const char*, int, const char*, int, const char*, ...) {}
#ifdef FACILITA_HAS_JACK
void quiet_jack(const char*) {}  // "jack server is not running", likewise
#endif

}  // namespace

std::vector<float> synthesize_chime(int sample_rate) {
  // A bell-ish major chord on A5 with a slightly inharmonic upper partial.
  struct Partial {
    double hz, gain, decay_s;
  };
  constexpr Partial kPartials[] = {
      {880.0, 0.50, 0.45}, {1108.73, 0.30, 0.35}, {1318.51, 0.25, 0.30}, {2640.0 * 1.003, 0.08, 0.15}};
  const double duration_s = 0.9, attack_s = 0.008, release_s = 0.05;
  const auto n = static_cast<std::size_t>(duration_s * sample_rate);
  std::vector<float> out(n);
  for (std::size_t i = 0; i < n; ++i) {
    const double t = static_cast<double>(i) / sample_rate;
    double v = 0;
    for (const Partial& p : kPartials) v += p.gain * std::exp(-t / p.decay_s) * std::sin(2 * std::numbers::pi * p.hz * t);
    double envelope = std::min(1.0, t / attack_s) * std::min(1.0, (duration_s - t) / release_s);
    out[i] = static_cast<float>(0.6 * v * envelope);  // peak well under full scale
  }
  return out;
}

Chime::Chime(Lang lang) : samples_(synthesize_chime()), lang_(lang), thread_([this] { run(); }) {}

Chime::~Chime() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  cv_.notify_one();
  thread_.join();
}

void Chime::play() {
  {
    std::lock_guard lock(mutex_);
    pending_ = true;
  }
  cv_.notify_one();
}

void Chime::notice_no_audio() {
  if (noticed_) return;
  noticed_ = true;
  std::cerr << tx(lang_, T::NoAudio) << std::endl;
}

void Chime::run() {
  snd_lib_error_set_handler(quiet_alsa);
#ifdef FACILITA_HAS_JACK
  jack_set_error_function(quiet_jack);
  jack_set_info_function(quiet_jack);
#endif
  bool usable = Pa_Initialize() == paNoError;
  if (usable && Pa_GetDefaultOutputDevice() == paNoDevice) usable = false;
  if (!usable) notice_no_audio();
  while (true) {
    {
      std::unique_lock lock(mutex_);
      cv_.wait(lock, [this] { return pending_ || stop_; });
      if (stop_) break;
      pending_ = false;
    }
    if (!usable) continue;
    PaStream* stream = nullptr;
    PaError err = Pa_OpenDefaultStream(&stream, 0, 1, paFloat32, kChimeSampleRate, paFramesPerBufferUnspecified,
                                       nullptr, nullptr);
    if (err == paNoError) err = Pa_StartStream(stream);
    if (err == paNoError) err = Pa_WriteStream(stream, samples_.data(), static_cast<unsigned long>(samples_.size()));
    if (stream) {
      Pa_StopStream(stream);
      Pa_CloseStream(stream);
    }
    if (err != paNoError && err != paOutputUnderflowed) {
      usable = false;  // the device went away: silent from now on
      notice_no_audio();
    }
  }
  Pa_Terminate();
}

}  // namespace facilita
