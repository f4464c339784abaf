import * as Y from 'yjs';

/**
 * One person's undo in a shared document: a Y.UndoManager that tracks only their own transaction
 * origin (never someone else's edit), with whether undo and redo are possible as reactive state, and
 * both refused while the person may not edit (read-only, a locked board, the facilitator in control).
 */
export class OwnUndo {
	readonly manager: Y.UndoManager;
	#canUndo = $state(false);
	#canRedo = $state(false);

	// Yjs types are generic in their event type, which does not matter here.
	constructor(types: Y.AbstractType<any>[], origin: object, private readonly canEdit: () => boolean) {
		// Keystrokes within 600 ms are one step, as people expect from a text field.
		this.manager = new Y.UndoManager(types, { trackedOrigins: new Set([origin]), captureTimeout: 600 });
		const onStack = () => {
			this.#canUndo = this.manager.canUndo();
			this.#canRedo = this.manager.canRedo();
		};
		for (const event of ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const) this.manager.on(event, onStack);
	}

	get canUndo() {
		return this.#canUndo && this.canEdit();
	}
	get canRedo() {
		return this.#canRedo && this.canEdit();
	}
	undo() {
		if (this.canEdit()) this.manager.undo();
	}
	redo() {
		if (this.canEdit()) this.manager.redo();
	}
	/** The next change starts a new undo step (moving to another note or block). */
	stopCapturing() {
		this.manager.stopCapturing();
	}
	destroy() {
		this.manager.destroy();
	}
}
