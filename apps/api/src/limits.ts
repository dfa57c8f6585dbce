import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import {
  type ASTVisitor,
  type FragmentDefinitionNode,
  GraphQLError,
  isNonNullType,
  isObjectType,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';
import { type ComplexityEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE } from './modules/common/pagination.ts';

// Limits on what one request may ask for. Batched HTTP requests are off (Apollo's default) and
// the body size is capped in app.ts; these two bound the work inside one operation.

/** Validation rule: rejects operations nested deeper than `maxDepth` fields. */
export function depthLimitRule(maxDepth: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION)
        fragments.set(definition.name.value, definition);
    }
    const depthOf = (selectionSet: SelectionSetNode | undefined, seen: Set<string>): number => {
      if (!selectionSet) return 0;
      let deepest = 0;
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) {
          if (selection.name.value.startsWith('__')) continue;
          deepest = Math.max(deepest, 1 + depthOf(selection.selectionSet, seen));
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, depthOf(selection.selectionSet, seen));
        } else {
          const name = selection.name.value;
          const fragment = fragments.get(name);
          if (fragment && !seen.has(name)) {
            deepest = Math.max(deepest, depthOf(fragment.selectionSet, new Set([...seen, name])));
          }
        }
        if (deepest > maxDepth) return deepest;
      }
      return deepest;
    };
    return {
      OperationDefinition(node) {
        const depth = depthOf(node.selectionSet, new Set());
        if (depth > maxDepth) {
          context.reportError(
            new GraphQLError(`Query is nested ${depth} levels deep; the limit is ${maxDepth}`, {
              nodes: [node],
            }),
          );
        }
      },
    };
  };
}

/**
 * Validation rule: rejects operations with more than `maxAliases` aliases (graphql-armor's count,
 * fragments included). Aliases are how one request repeats a mutation: 1,000 aliased
 * createApiToken calls cost 1 each in complexity but ran for 14 s. Reported as a validation
 * error (GRAPHQL_VALIDATION_FAILED, HTTP 400) before any resolver runs; armor's own throw would
 * escape graphql-js's validate() as an uncoded error.
 */
export function aliasLimitRule(maxAliases: number) {
  return maxAliasesRule({
    n: maxAliases,
    propagateOnRejection: false,
    // Armor words it "Syntax Error: …", which Apollo would file as a parse failure.
    onReject: [
      (context, error) =>
        context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''))),
    ],
  });
}

/** Lists (connections and plain lists) cost their page size times their children. */
const listEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  const type = isNonNullType(field.type) ? field.type.ofType : field.type;
  const isConnection = isObjectType(type) && type.name.endsWith('Connection');
  if (!isConnection && !('first' in args)) return undefined;
  const first = typeof args.first === 'number' ? args.first : DEFAULT_PAGE_SIZE;
  return 1 + first * Math.max(childComplexity, 1);
};

export function complexityLimitPlugin(maxComplexity: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          let complexity: number;
          try {
            complexity = getComplexity({
              schema,
              query: document,
              variables: request.variables ?? {},
              ...(request.operationName ? { operationName: request.operationName } : {}),
              estimators: [listEstimator, simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch (error) {
            // Variables that do not fit their types: the client's mistake, said as such.
            throw new GraphQLError(error instanceof Error ? error.message : 'Invalid variables', {
              extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
            });
          }
          if (complexity > maxComplexity) {
            throw new GraphQLError(
              `Query is too complex (${complexity}); the limit is ${maxComplexity}`,
              {
                extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
              },
            );
          }
        },
      };
    },
  };
}
