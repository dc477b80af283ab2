import { Notice } from "../../../ui/status.tsx";

/** Signatures are for the story exactly as it reads: saving a change here asks for new ones. */
export function SignaturesNote() {
  return (
    <Notice>
      <p>
        A signature is for the story exactly as it reads now. Saving this is a change, so the story
        will ask for both signatures again.
      </p>
    </Notice>
  );
}
