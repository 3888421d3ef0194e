package dev.sightline.server.signin;

/** A person's sign-in with a local password. */
record SignInRequest(String username, String password) {
  @Override
  public String toString() {
    return "SignInRequest[username=" + username + "]";
  }
}
