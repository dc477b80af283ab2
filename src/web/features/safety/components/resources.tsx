import { ErrorState, Loading } from "../../../ui/query-state.tsx";
import { type CrisisResource, useSafetyResources } from "../api/safety.ts";

export function ResourceList({ resources }: { resources: CrisisResource[] }) {
  return (
    <ul className="resources">
      {resources.map((resource) => (
        <li key={resource.name} className="resource">
          <p className="resource__name">{resource.name}</p>
          <p className="resource__contact user-text">{resource.contact}</p>
          <p className="resource__description">{resource.description}</p>
        </li>
      ))}
    </ul>
  );
}

/** The operator's crisis resources, loaded on their own (also for signed-out visitors). */
export function Resources() {
  const resources = useSafetyResources();
  if (resources.isPending) return <Loading label="Loading places to turn to…" />;
  if (resources.isError) {
    return <ErrorState error={resources.error} onRetry={() => void resources.refetch()} />;
  }
  return <ResourceList resources={resources.data} />;
}
