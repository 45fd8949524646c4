#!/usr/bin/python3
"""manila_schema.py SQLALCHEMY_URL

Manila's alembic migrations use ALTER COLUMN, which sqlite lacks: build the schema from the
models instead (manila.sh then runs 'manila-manage db stamp', which records the head revision).
"""
import sys

import sqlalchemy

# this script's directory holds manila.py (the readiness checks), which would shadow the package
sys.path = [p for p in sys.path if not p.endswith('/services')]
from manila.db.sqlalchemy import models  # noqa: E402

engine = sqlalchemy.create_engine(sys.argv[1])
models.BASE.metadata.create_all(engine)
