/** What the Requests page and the API show of a pending request: no ids of other users beyond the requester's name and address. */
export type JoinRequestDto = {
  id: string;
  kind: "SUGGESTION" | "ASK";
  email: string;
  note: string | null;
  requester: { name: string; email: string } | null;
  createdAt: string;
};

/** A team the signed-in person may join or ask to join (the home page's "Teams you can join"). */
export type JoinableTeamDto = {
  slug: string;
  name: string;
  policy: "REQUEST" | "AUTO_JOIN";
  /** They already asked, and an admin has not answered yet. */
  requested: boolean;
};
