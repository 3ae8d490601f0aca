/** The hit alert: two short tones made with WebAudio, so no sound file has to ship or load. */
const STORAGE_KEY = 'checkpoint.hitSound';
let audio: AudioContext | null = null;

export function hitSoundEnabled(): boolean {
  return localStorage.getItem(STORAGE_KEY) !== 'off';
}

export function setHitSoundEnabled(on: boolean): void {
  localStorage.setItem(STORAGE_KEY, on ? 'on' : 'off');
}

/**
 * Opens the audio output ahead of the first hit. Opening it costs a few hundred milliseconds on the
 * main thread the first time (the audio device starts), which would otherwise delay the first hit
 * panel's paint by that much. Called once the officer screen is up.
 */
export function prepareHitSound(): void {
  if (!hitSoundEnabled() || audio) return;
  try {
    audio = new AudioContext();
  } catch {
    // No audio device: playHitSound will try again, and the panel is the alert that matters.
  }
}

export function playHitSound(): void {
  if (!hitSoundEnabled()) return;
  performance.mark('hit-sound');
  try {
    audio ??= new AudioContext();
    void audio.resume();
    const start = audio.currentTime;
    for (const [offset, freq] of [
      [0, 880],
      [0.28, 660],
    ] as const) {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.type = 'square';
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.0001, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.25, start + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.24);
      osc.connect(gain).connect(audio.destination);
      osc.start(start + offset);
      osc.stop(start + offset + 0.25);
    }
  } catch {
    // No audio device: the panel on screen is the alert that matters.
  }
}
