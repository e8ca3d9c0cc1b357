/** The 筛选 box of the search page: document, body type and role, each a labelled native select. */
import { SEARCH_PARAMS, type SearchUrlState } from '../../lib/search/searchUrl';

export interface Option {
  value: string;
  label: string;
}

type FilterState = Pick<SearchUrlState, 'doc' | 'bodyType' | 'role'>;

function Filter(props: {
  name: string;
  label: string;
  options: Option[];
  value?: string | undefined;
  onChange: (value: string | undefined) => void;
}) {
  const id = `filter-${props.name}`;
  return (
    <p class="filter">
      <label for={id}>{props.label}</label>
      <select
        id={id}
        name={props.name}
        value={props.value ?? ''}
        onChange={(event) => props.onChange((event.target as HTMLSelectElement).value || undefined)}
      >
        <option value="">全部</option>
        {props.options.map((option) => (
          <option value={option.value} key={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </p>
  );
}

export function FilterBox(props: {
  documents: Option[];
  bodyTypes: Option[];
  roles: Option[];
  state: FilterState;
  onChange: (change: FilterState) => void;
}) {
  return (
    <fieldset class="filters">
      <legend>筛选</legend>
      <Filter
        name={SEARCH_PARAMS.doc}
        label="文件"
        options={props.documents}
        value={props.state.doc}
        onChange={(doc) => props.onChange({ doc })}
      />
      <Filter
        name={SEARCH_PARAMS.bodyType}
        label="主体类型"
        options={props.bodyTypes}
        value={props.state.bodyType}
        onChange={(bodyType) => props.onChange({ bodyType })}
      />
      <Filter
        name={SEARCH_PARAMS.role}
        label="角色"
        options={props.roles}
        value={props.state.role}
        onChange={(role) => props.onChange({ role })}
      />
    </fieldset>
  );
}
