package vn.binhdan.community;

/** Where the help was given. */
public enum GuidancePlace {
    HOME, SERVICE_CENTRE, CLASS, OTHER
}
