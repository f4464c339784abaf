/// <reference lib="webworker" />
/**
 * The bench's Web Worker: generating, checking and evaluating 100,000 records takes seconds, and
 * the page must stay usable meanwhile. The records live here only.
 */
import { benchHandler } from './handler';
import { serve, type Port } from './rpc';

serve(self as unknown as Port, benchHandler());
