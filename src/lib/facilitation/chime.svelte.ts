/**
 * The timer's end sound: a gentle two-tone chime made with WebAudio (no file to fetch). Browsers
 * only let a page play sound after the person used it, so the audio context is made on the first
 * click or key press; until then the end shows without sound. Muting is kept in this browser.
 */
const MUTE_KEY = 'meedoen:timer-muted';

class Chime {
	muted = $state(false);
	#audio: AudioContext | null = null;
	#armed = false;

	/** Listens for the first gesture on the page (once per page load). */
	arm() {
		if (this.#armed || typeof window === 'undefined') return;
		this.#armed = true;
		try {
			this.muted = localStorage.getItem(MUTE_KEY) === '1';
		} catch {
			// Storage blocked: not muted.
		}
		const unlock = () => {
			try {
				this.#audio ??= new AudioContext();
				if (this.#audio.state === 'suspended') void this.#audio.resume();
			} catch {
				// No WebAudio: the visual cue stays.
			}
			window.removeEventListener('pointerdown', unlock, true);
			window.removeEventListener('keydown', unlock, true);
		};
		window.addEventListener('pointerdown', unlock, true);
		window.addEventListener('keydown', unlock, true);
	}

	toggle() {
		this.muted = !this.muted;
		try {
			localStorage.setItem(MUTE_KEY, this.muted ? '1' : '0');
		} catch {
			// Kept for this page only.
		}
	}

	play() {
		const audio = this.#audio;
		if (this.muted || !audio || audio.state !== 'running') return;
		[660, 880].forEach((freq, i) => {
			const osc = audio.createOscillator();
			const gain = audio.createGain();
			osc.frequency.value = freq;
			const at = audio.currentTime + i * 0.35;
			gain.gain.setValueAtTime(0.0001, at);
			gain.gain.exponentialRampToValueAtTime(0.15, at + 0.05);
			gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.6);
			osc.connect(gain).connect(audio.destination);
			osc.start(at);
			osc.stop(at + 0.65);
		});
	}
}

/** One per page: every timer on it shares the sound and the mute switch. */
export const chime = new Chime();
