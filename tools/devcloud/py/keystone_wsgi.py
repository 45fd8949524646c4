# uwsgi entry point for keystone (the keystone package ships no wsgi file).
from keystone.server.wsgi import initialize_public_application

application = initialize_public_application()
