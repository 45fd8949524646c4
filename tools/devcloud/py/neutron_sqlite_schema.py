#!/usr/bin/python3
"""neutron_sqlite_schema.py SQLALCHEMY_URL

Neutron's alembic migrations need ALTER CONSTRAINT, which sqlite lacks: build
the schema from the models instead (up.sh then runs
'neutron-db-manage stamp heads').
"""
import sys

import sqlalchemy
from neutron.db.migration.models import head

engine = sqlalchemy.create_engine(sys.argv[1])
head.get_metadata().create_all(engine)
