-- Prepare a Virtuoso 7 database for Attaché. Run once, as dba:
--
--   isql-vt HOST:1111 dba DBA_PASSWORD deploy/virtuoso/attache.sql -u USER=attache PASSWORD=secret
--
-- (`isql` or `isql-v` in OpenLink's own builds). The test fixtures (tests/kg/servers.py)
-- and the `virtuoso` profile of docker-compose.yml run this same file.

-- 1. A SPARQL user allowed to write. Writes go through the digest-authenticated
--    endpoints /sparql-auth (SPARQL Update) and /sparql-graph-crud-auth (Graph Store
--    Protocol); the anonymous /sparql endpoint stays read-only.
DB.DBA.USER_CREATE ('$U{USER}', '$U{PASSWORD}');
GRANT SPARQL_UPDATE TO "$U{USER}";

-- 2. Virtuoso's own graphs (its RDF views schema, the LDP vocabulary, the service
--    description, which is named after [URIQA] DefaultHost) made private: the default
--    graph of a query is the union of every graph the user may read, and Attaché
--    expects that union, its graph list and its counts to hold its own graphs only.
DB.DBA.RDF_GRAPH_GROUP_CREATE ('http://www.openlinksw.com/schemas/virtrdf#PrivateGraphs', 1);
DB.DBA.RDF_GRAPH_GROUP_INS ('http://www.openlinksw.com/schemas/virtrdf#PrivateGraphs', 'http://www.openlinksw.com/schemas/virtrdf#');
DB.DBA.RDF_GRAPH_GROUP_INS ('http://www.openlinksw.com/schemas/virtrdf#PrivateGraphs', 'http://www.w3.org/ns/ldp#');
DB.DBA.RDF_GRAPH_GROUP_INS ('http://www.openlinksw.com/schemas/virtrdf#PrivateGraphs', 'http://localhost:8890/sparql');
DB.DBA.RDF_GRAPH_GROUP_INS ('http://www.openlinksw.com/schemas/virtrdf#PrivateGraphs', 'http://localuriqaserver/sparql');
DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 0, 1);
DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('$U{USER}', 0, 1);
