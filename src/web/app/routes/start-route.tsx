import { useMe } from "../../features/account/api/me.ts";
import { StartPage } from "../../features/couples/pages/start.tsx";

export function StartRoute() {
  const me = useMe();
  return <StartPage inCouple={Boolean(me.data?.couple)} />;
}
